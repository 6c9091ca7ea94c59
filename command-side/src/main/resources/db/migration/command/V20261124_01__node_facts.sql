-- What task creation must know about each node (contract §2.2), written by a subscribing handler in
-- the transaction of the node's own events: queuing tasks on a thousand nodes is then one indexed read
-- instead of a thousand event-stream replays. Nodes registered before this table are added the first
-- time a command asks for them (NodeDirectory), from their own events.
CREATE TABLE node_facts (
    node_id              UUID    PRIMARY KEY,
    workspace_id         UUID    NOT NULL,
    name                 TEXT,
    hostname             TEXT    NOT NULL,
    team_id              UUID,
    maintenance          BOOLEAN NOT NULL DEFAULT FALSE,
    maintenance_reason   TEXT,
    applied_root_profile TEXT    NOT NULL DEFAULT 'off'
);
