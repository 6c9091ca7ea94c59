-- Task templates (contract §2.1 task_templates), rebuilt from the TaskTemplate aggregates' events.
-- Name uniqueness is decided on the command side (unique_key), never here.
CREATE TABLE task_template_view (
    id                 UUID         PRIMARY KEY,
    workspace_id       UUID         NOT NULL,
    name               VARCHAR(120) NOT NULL,
    description        TEXT,
    task_type          VARCHAR(120) NOT NULL,
    payload_template   JSONB        NOT NULL,
    created_by_user_id UUID,
    updated_by_user_id UUID,
    archived_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    last_event_seq     BIGINT       NOT NULL
);
CREATE INDEX task_template_view_workspace ON task_template_view (workspace_id, created_at DESC);
-- deleting a template asks whether any task still refers to it
CREATE INDEX task_view_template ON task_view (template_id) WHERE template_id IS NOT NULL;
