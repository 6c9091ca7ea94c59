-- Agent credentials: only sha256(agentToken) is kept, never the token, never in an event.
-- workspace_id lets agent authentication scope a node without reading a read model.
CREATE TABLE node_credential (
    node_id      UUID        PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    token_sha256 BYTEA       NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every instance caches credentials; a change anywhere tells every instance to forget that node.
CREATE FUNCTION nodeplane_notify_node_credential() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('nodeplane_node_credentials', COALESCE(NEW.node_id, OLD.node_id)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER node_credential_changed AFTER INSERT OR UPDATE OR DELETE ON node_credential
    FOR EACH ROW EXECUTE FUNCTION nodeplane_notify_node_credential();

-- One-time tokens of enrollments and node installs: found by a keyed HMAC of the token (the token
-- itself has 256 random bits, so a keyed hash is as strong as a slow one and costs microseconds).
-- An approved enrollment keeps the issued agent token encrypted (AES-GCM) so that the agent's
-- status poll can collect it.
CREATE TABLE bootstrap_token (
    lookup_hash           VARCHAR(64) PRIMARY KEY,
    kind                  VARCHAR(16) NOT NULL,
    owner_id              UUID        NOT NULL,
    agent_token_encrypted BYTEA,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bootstrap_token_owner ON bootstrap_token (owner_id);
