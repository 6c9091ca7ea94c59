package io.nodeplane.command.support;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time tokens of enrollments and node installs, found by their keyed lookup hash. Written in the
 * command's transaction; the token itself is never stored.
 */
@Component
public class BootstrapTokens {

    public static final String ENROLLMENT = "enrollment";
    public static final String NODE_INSTALL = "node-install";

    private final JdbcTemplate jdbc;

    BootstrapTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String lookupHash, String kind, UUID ownerId) {
        jdbc.update("INSERT INTO bootstrap_token (lookup_hash, kind, owner_id) VALUES (?, ?, ?)", lookupHash, kind, ownerId);
    }

    /** The enrollment or install a token belongs to. */
    public Optional<UUID> ownerOf(String lookupHash, String kind) {
        List<UUID> owners = jdbc.queryForList("SELECT owner_id FROM bootstrap_token WHERE lookup_hash = ? AND kind = ?",
                UUID.class, lookupHash, kind);
        return owners.stream().findFirst();
    }

    /** Keeps the (encrypted) agent token an approved enrollment hands out on its status poll. */
    public void attachAgentToken(UUID ownerId, byte[] encrypted) {
        jdbc.update("UPDATE bootstrap_token SET agent_token_encrypted = ? WHERE owner_id = ?", encrypted, ownerId);
    }

    public Optional<byte[]> agentToken(UUID ownerId) {
        List<byte[]> tokens = jdbc.queryForList(
                "SELECT agent_token_encrypted FROM bootstrap_token WHERE owner_id = ? AND agent_token_encrypted IS NOT NULL",
                byte[].class, ownerId);
        return tokens.stream().findFirst();
    }
}
