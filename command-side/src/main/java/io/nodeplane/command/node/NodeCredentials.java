package io.nodeplane.command.node;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Agent credentials: {@code sha256(agentToken)} per node. Written in the same transaction as the
 * node's events; a database trigger tells every instance to drop its cached copy.
 */
@Component
public class NodeCredentials {

    /** What authenticating an agent needs. */
    public record Credential(UUID nodeId, UUID workspaceId, byte[] tokenSha256) {
    }

    private final JdbcTemplate jdbc;

    NodeCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void store(UUID nodeId, UUID workspaceId, byte[] tokenSha256) {
        jdbc.update("""
                INSERT INTO node_credential (node_id, workspace_id, token_sha256) VALUES (?, ?, ?)
                ON CONFLICT (node_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id,
                    token_sha256 = EXCLUDED.token_sha256, updated_at = now()""", nodeId, workspaceId, tokenSha256);
    }

    void revoke(UUID nodeId) {
        jdbc.update("DELETE FROM node_credential WHERE node_id = ?", nodeId);
    }

    /** Blocking JDBC read: call it off the event loop. */
    public Optional<Credential> find(UUID nodeId) {
        List<Credential> found = jdbc.query("SELECT node_id, workspace_id, token_sha256 FROM node_credential WHERE node_id = ?",
                (rs, n) -> new Credential(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3)), nodeId);
        return found.stream().findFirst();
    }
}
