-- Whether each workspace accepts changes, written in the same transaction as the workspace's own
-- events: every command in a workspace (e.g. queuing a task) checks it with one indexed read, without
-- loading, and so locking, the workspace aggregate.
CREATE TABLE workspace_state (
    workspace_id UUID    PRIMARY KEY,
    archived     BOOLEAN NOT NULL
);

-- workspaces that existed before this table: their last lifecycle event decides
INSERT INTO workspace_state (workspace_id, archived)
SELECT aggregate_identifier::uuid, payload_type = 'io.nodeplane.events.workspace.WorkspaceArchivedEvent'
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload_type
      FROM domain_event_entry
      WHERE type = 'Workspace' AND payload_type IN ('io.nodeplane.events.workspace.WorkspaceCreatedEvent',
            'io.nodeplane.events.workspace.WorkspaceArchivedEvent', 'io.nodeplane.events.workspace.WorkspaceRestoredEvent',
            'io.nodeplane.events.workspace.WorkspaceDeletedEvent')
      ORDER BY aggregate_identifier, sequence_number DESC) last
WHERE payload_type <> 'io.nodeplane.events.workspace.WorkspaceDeletedEvent';
