-- Scheduled tasks (contract §2.1 scheduled_tasks), rebuilt from the Schedule aggregates' events.
CREATE TABLE scheduled_task_view (
    id               UUID         PRIMARY KEY,
    workspace_id     UUID         NOT NULL,
    node_id          UUID,
    target_team_id   UUID,
    template_id      UUID,
    template_name    VARCHAR(200),
    owner_user_id    UUID,
    name             VARCHAR(120) NOT NULL,
    command          TEXT         NOT NULL,
    run_as_root      BOOLEAN      NOT NULL,
    cadence          VARCHAR(16)  NOT NULL,
    minute           INTEGER      NOT NULL,
    hour             INTEGER,
    day_of_week      INTEGER,
    interval_minutes INTEGER,
    timezone         VARCHAR(64)  NOT NULL,
    enabled          BOOLEAN      NOT NULL,
    next_run_at      TIMESTAMPTZ,
    last_run_at      TIMESTAMPTZ,
    last_run_task_id UUID,
    last_error       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    last_event_seq   BIGINT       NOT NULL
);
CREATE INDEX scheduled_task_view_workspace ON scheduled_task_view (workspace_id, created_at DESC);
-- the runner's question, every second: which enabled schedules are due
CREATE INDEX scheduled_task_view_due ON scheduled_task_view (next_run_at) WHERE enabled;
