-- Workspace memberships, applied by the workspace-membership-view projection.
-- last_event_seq is the workspace aggregate's sequence number of the last event applied to the row.
CREATE TABLE workspace_membership_view (
    id             UUID        PRIMARY KEY,
    workspace_id   UUID        NOT NULL,
    user_id        UUID        NOT NULL,
    role           VARCHAR(16) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    last_event_seq BIGINT      NOT NULL
);
CREATE INDEX workspace_membership_view_workspace ON workspace_membership_view (workspace_id);
CREATE INDEX workspace_membership_view_user ON workspace_membership_view (user_id);
