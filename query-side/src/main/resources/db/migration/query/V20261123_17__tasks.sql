-- Tasks (contract §2.1): task_view is rebuilt from the Task aggregates' events; task_log is
-- telemetry (agent output lines, batched writes, never in the event store) and survives a rebuild.
CREATE TABLE task_view (
    id                  UUID         PRIMARY KEY,
    workspace_id        UUID         NOT NULL,
    node_id             UUID         NOT NULL,
    target_team_id      UUID,
    template_id         UUID,
    template_name       VARCHAR(200),
    schedule_id         UUID,
    type                VARCHAR(120) NOT NULL,
    is_internal         BOOLEAN      NOT NULL DEFAULT false,
    payload             JSONB        NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    result              JSONB,
    output              TEXT,
    output_truncated    BOOLEAN      NOT NULL DEFAULT false,
    lease_until         TIMESTAMPTZ,
    claimed_by          UUID,
    claim_token         UUID,
    started_at          TIMESTAMPTZ,
    running_since       TIMESTAMPTZ, -- server time of the start (started_at is the agent's clock)
    finished_at         TIMESTAMPTZ,
    cancel_requested_at TIMESTAMPTZ,
    cancel_reason       TEXT,
    timeout_seconds     INTEGER,
    created_by_user_id  UUID,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    last_event_seq      BIGINT       NOT NULL
);
-- the claim looks here: a node's queued tasks, oldest first, and its claims whose lease has ended
CREATE INDEX task_view_queued ON task_view (node_id, created_at) WHERE status = 'queued' AND cancel_requested_at IS NULL;
CREATE INDEX task_view_leased ON task_view (node_id, lease_until) WHERE status IN ('accepted', 'claimed');
CREATE INDEX task_view_node ON task_view (node_id, created_at DESC);
CREATE INDEX task_view_workspace ON task_view (workspace_id, created_at DESC);
CREATE INDEX task_view_team ON task_view (target_team_id) WHERE target_team_id IS NOT NULL;
CREATE INDEX task_view_running ON task_view (running_since) WHERE status = 'running';

CREATE TABLE task_log (
    id         UUID        PRIMARY KEY,
    task_id    UUID        NOT NULL,
    level      VARCHAR(16) NOT NULL,
    message    TEXT        NOT NULL,
    timestamp  TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_log_task ON task_log (task_id, id);
