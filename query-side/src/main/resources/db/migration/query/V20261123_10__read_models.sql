-- Read models (owned by query-side). Every row remembers the last event applied to it
-- (last_event_seq = the aggregate's sequence number) so re-applying an event changes nothing.

CREATE TABLE user_view (
    id                            UUID         PRIMARY KEY,
    email                         VARCHAR(320) NOT NULL,
    email_normalized              VARCHAR(320) NOT NULL,
    name                          VARCHAR(200),
    role                          VARCHAR(32)  NOT NULL,
    is_active                     BOOLEAN      NOT NULL,
    timezone                      VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    invite_status                 VARCHAR(16)  NOT NULL,
    last_invited_at               TIMESTAMPTZ,
    activated_at                  TIMESTAMPTZ,
    critical_event_emails_enabled BOOLEAN      NOT NULL DEFAULT TRUE,
    enrollment_emails_enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    session_version               INTEGER      NOT NULL DEFAULT 0,
    mfa_enabled                   BOOLEAN      NOT NULL DEFAULT FALSE,
    mfa_enabled_at                TIMESTAMPTZ,
    created_at                    TIMESTAMPTZ  NOT NULL,
    updated_at                    TIMESTAMPTZ  NOT NULL,
    last_event_seq                BIGINT       NOT NULL
);
CREATE INDEX user_view_email_normalized ON user_view (email_normalized);

CREATE TABLE workspace_view (
    id                 UUID         PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    slug               VARCHAR(64)  NOT NULL,
    default_timezone   VARCHAR(64)  NOT NULL,
    created_by_user_id UUID,
    is_archived        BOOLEAN      NOT NULL DEFAULT FALSE,
    is_default         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    last_event_seq     BIGINT       NOT NULL
);

-- One row per audited event; id = the event's identifier, so a replayed event is ignored.
CREATE TABLE audit_log_view (
    id                   UUID          PRIMARY KEY,
    global_index         BIGINT        NOT NULL,
    scope                VARCHAR(16)   NOT NULL,
    workspace_id         UUID,
    actor_type           VARCHAR(16)   NOT NULL,
    actor_user_id        UUID,
    actor_email_snapshot VARCHAR(320),
    action               VARCHAR(120)  NOT NULL,
    target_type          VARCHAR(64)   NOT NULL,
    target_id            VARCHAR(255),
    target_label         VARCHAR(320),
    ip_address           VARCHAR(64),
    user_agent           VARCHAR(512),
    changes              JSONB,
    metadata             JSONB         NOT NULL DEFAULT '{}'::jsonb,
    created_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX audit_log_view_scope_created ON audit_log_view (scope, created_at DESC, global_index DESC);
CREATE INDEX audit_log_view_workspace_created ON audit_log_view (workspace_id, created_at DESC, global_index DESC);
