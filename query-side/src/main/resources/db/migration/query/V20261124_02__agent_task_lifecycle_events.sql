-- Receipts of the legacy task lifecycle messages agents may still send over the socket (contract §1.4):
-- the same (task, event, timestamp) arriving twice is acknowledged as a duplicate and applied once.
CREATE TABLE agent_task_lifecycle_event (
    task_id         uuid        NOT NULL,
    event_type      text        NOT NULL,
    event_timestamp timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, event_type, event_timestamp)
);
