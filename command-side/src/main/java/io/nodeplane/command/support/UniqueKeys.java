package io.nodeplane.command.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set validation for values that must be unique across aggregates (user e-mails, workspace slugs).
 * Claims run inside the command's transaction, so a claim and the events it guards commit or roll
 * back together; the primary key makes concurrent claims safe without reading any read model.
 */
@Component
public class UniqueKeys {

    public static final String USER_EMAIL = "user.email";
    public static final String WORKSPACE_SLUG = "workspace.slug";
    /** One key, {@code "default"}, held by the platform's default workspace. */
    public static final String DEFAULT_WORKSPACE = "workspace.default";
    /** Node hostnames, lower-cased: unique across all nodes of the platform. */
    public static final String NODE_HOSTNAME = "node.hostname";
    /** The one pending enrollment per {@code email|hostname}. */
    public static final String PENDING_ENROLLMENT = "enrollment.pending";
    /** Names of a workspace's task templates that are not archived: {@code workspaceId|lower(name)}. */
    public static final String TASK_TEMPLATE_NAME = "task-template.name";

    private final JdbcTemplate jdbc;

    UniqueKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims {@code key} in {@code scope} for {@code ownerId}; false when someone else holds it. */
    public boolean claim(String scope, String key, UUID ownerId) {
        int inserted = jdbc.update(
                "INSERT INTO unique_key (scope, key, owner_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                scope, key, ownerId);
        if (inserted == 1) {
            return true;
        }
        UUID holder = jdbc.queryForObject(
                "SELECT owner_id FROM unique_key WHERE scope = ? AND key = ?", UUID.class, scope, key);
        return ownerId.equals(holder);
    }

    /** Frees {@code key} if {@code ownerId} holds it. */
    public void release(String scope, String key, UUID ownerId) {
        jdbc.update("DELETE FROM unique_key WHERE scope = ? AND key = ? AND owner_id = ?", scope, key, ownerId);
    }

    /** Frees every key {@code ownerId} holds in {@code scope}. */
    public void releaseAll(String scope, UUID ownerId) {
        jdbc.update("DELETE FROM unique_key WHERE scope = ? AND owner_id = ?", scope, ownerId);
    }

    /**
     * Makes {@code newOwner} hold {@code key}, taking it from whoever held it (row-locked, so two
     * concurrent transfers serialise). Returns the previous holder, or {@code null}.
     */
    public UUID transfer(String scope, String key, UUID newOwner) {
        List<UUID> previous = jdbc.queryForList(
                "SELECT owner_id FROM unique_key WHERE scope = ? AND key = ? FOR UPDATE", UUID.class, scope, key);
        if (previous.isEmpty()) {
            jdbc.update("INSERT INTO unique_key (scope, key, owner_id) VALUES (?, ?, ?)", scope, key, newOwner);
            return null;
        }
        jdbc.update("UPDATE unique_key SET owner_id = ? WHERE scope = ? AND key = ?", newOwner, scope, key);
        return previous.get(0);
    }

    /** Who holds {@code key} in {@code scope}, or {@code null}. */
    public UUID holder(String scope, String key) {
        List<UUID> holders = jdbc.queryForList(
                "SELECT owner_id FROM unique_key WHERE scope = ? AND key = ?", UUID.class, scope, key);
        return holders.isEmpty() ? null : holders.get(0);
    }

    /** Whether anyone holds {@code key} in {@code scope}. */
    public boolean isClaimed(String scope, String key) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM unique_key WHERE scope = ? AND key = ?", Long.class, scope, key);
        return n != null && n > 0;
    }

    /** Number of keys claimed in a scope, e.g. how many users exist. */
    public long count(String scope) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM unique_key WHERE scope = ?", Long.class, scope);
        return n == null ? 0 : n;
    }
}
