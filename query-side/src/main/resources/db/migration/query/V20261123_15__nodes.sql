-- Nodes: the event-sourced part (node_view, rebuilt from events) and the telemetry part
-- (node_presence, node_metric: written straight by batched writers, never through the event store,
-- so rebuilding node_view leaves them alone).
CREATE TABLE node_view (
    id                     UUID         PRIMARY KEY,
    workspace_id           UUID         NOT NULL,
    name                   VARCHAR(120) NOT NULL,
    description            TEXT,
    hostname               VARCHAR(255) NOT NULL,
    os                     VARCHAR(120) NOT NULL,
    arch                   VARCHAR(64)  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    team_id                UUID,
    maintenance_mode       BOOLEAN      NOT NULL DEFAULT false,
    maintenance_reason     TEXT,
    maintenance_started_at TIMESTAMPTZ,
    maintenance_by_user_id UUID,
    agent_version          VARCHAR(64),
    platform_version       VARCHAR(255),
    kernel_version         VARCHAR(255),
    location               JSONB,
    registration_source    VARCHAR(32)  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    last_event_seq         BIGINT       NOT NULL
);
CREATE INDEX node_view_workspace ON node_view (workspace_id, name);
CREATE INDEX node_view_team ON node_view (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX node_view_online ON node_view (status) WHERE status = 'online';
CREATE INDEX node_view_name_trgm ON node_view USING gin (lower(name) gin_trgm_ops);
CREATE INDEX node_view_hostname_trgm ON node_view USING gin (lower(hostname) gin_trgm_ops);

-- Last report of each node: refreshed by every heartbeat and metric, in batches.
CREATE TABLE node_presence (
    node_id                  UUID        PRIMARY KEY,
    last_seen_at             TIMESTAMPTZ NOT NULL,
    agent_version            VARCHAR(64),
    platform_version         VARCHAR(255),
    kernel_version           VARCHAR(255),
    last_version_reported_at TIMESTAMPTZ,
    location                 JSONB
);

-- Metric samples; ids are time-ordered UUIDs so the primary key grows at its right edge.
CREATE TABLE node_metric (
    id            UUID        PRIMARY KEY,
    workspace_id  UUID        NOT NULL,
    node_id       UUID        NOT NULL,
    cpu_usage     REAL        NOT NULL,
    memory_usage  REAL        NOT NULL,
    disk_usage    REAL        NOT NULL,
    temperature   REAL,
    network_stats JSONB,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX node_metric_node ON node_metric (node_id, recorded_at DESC);
CREATE INDEX node_metric_workspace ON node_metric (workspace_id, recorded_at DESC);

-- Operational events (contract §2.1 "events"). Rows projected from the event store carry the source
-- event's id (idempotent, rebuildable); telemetry-born rows (high.cpu) have none and survive a rebuild.
CREATE TABLE event_view (
    id              UUID         PRIMARY KEY,
    workspace_id    UUID         NOT NULL,
    node_id         UUID,
    type            VARCHAR(120) NOT NULL,
    severity        VARCHAR(16)  NOT NULL,
    message         TEXT         NOT NULL,
    metadata        JSONB        NOT NULL DEFAULT '{}'::jsonb,
    source_event_id UUID         UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX event_view_workspace ON event_view (workspace_id, created_at DESC);
CREATE INDEX event_view_node ON event_view (node_id, created_at DESC) WHERE node_id IS NOT NULL;
CREATE INDEX event_view_message_trgm ON event_view USING gin (lower(message) gin_trgm_ops);

CREATE TABLE enrollment_view (
    id             UUID         PRIMARY KEY,
    email          VARCHAR(320) NOT NULL,
    hostname       VARCHAR(255) NOT NULL,
    agent          JSONB,
    status         VARCHAR(16)  NOT NULL,
    workspace_id   UUID,
    node_id        UUID,
    node_name      VARCHAR(120),
    expires_at     TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    last_event_seq BIGINT       NOT NULL
);

CREATE TABLE node_install_view (
    id               UUID         PRIMARY KEY,
    workspace_id     UUID         NOT NULL,
    team_id          UUID,
    node_name        VARCHAR(120) NOT NULL,
    description      TEXT,
    hostname         VARCHAR(255),
    node_id          UUID,
    status           VARCHAR(16)  NOT NULL,
    stage            VARCHAR(64)  NOT NULL,
    progress_percent INT          NOT NULL,
    status_message   TEXT,
    started_at       TIMESTAMPTZ,
    consumed_at      TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    last_event_seq   BIGINT       NOT NULL
);
CREATE INDEX node_install_view_workspace ON node_install_view (workspace_id, created_at DESC);
