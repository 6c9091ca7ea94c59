-- Which schedules each workspace has, written with the schedules' own events: when a workspace's
-- time zone changes, every one of its schedules is rescheduled without reading a read model.
CREATE TABLE schedule_index (
    schedule_id  UUID PRIMARY KEY,
    workspace_id UUID NOT NULL
);
CREATE INDEX schedule_index_workspace ON schedule_index (workspace_id);
