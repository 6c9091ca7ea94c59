package io.nodeplane.command.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.nodeplane.events.user.UserDeletedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code user_mfa} and {@code user_mfa_recovery_code}: encrypted TOTP secrets, the last accepted time
 * step and hashed recovery codes, never in an event. Every method blocks (JDBC): call it off the event loop.
 * A deleted user's rows go with the deletion's transaction (subscribing group {@code user-lookups}).
 */
@Component
@ProcessingGroup("user-lookups")
public class UserMfa {

    /** A user's stored MFA state; either secret may be {@code null}. Secrets are encrypted boxes. */
    public record State(UUID pendingSetupId, byte[] pendingSecret, byte[] secret, long lastStep) {

        public boolean enabled() {
            return secret != null;
        }

        @Override
        public String toString() {
            return "State[pendingSetupId=" + pendingSetupId + ", enabled=" + enabled() + ", lastStep=" + lastStep + "]";
        }
    }

    private static final String SELECT = "SELECT pending_setup_id, pending_secret, secret, last_step FROM user_mfa "
            + "WHERE user_id = ?";

    private final JdbcTemplate jdbc;

    UserMfa(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<State> find(UUID userId) {
        return first(jdbc.query(SELECT, (rs, n) -> state(rs), userId));
    }

    /** True when signing in as this user needs a second factor. */
    public boolean enabled(UUID userId) {
        return find(userId).map(State::enabled).orElse(false);
    }

    /** The state, with its row locked until the command's transaction ends. */
    Optional<State> lock(UUID userId) {
        return first(jdbc.query(SELECT + " FOR UPDATE", (rs, n) -> state(rs), userId));
    }

    void startSetup(UUID userId, UUID setupId, byte[] pendingSecret) {
        jdbc.update("INSERT INTO user_mfa (user_id, pending_setup_id, pending_secret) VALUES (?, ?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET pending_setup_id = EXCLUDED.pending_setup_id, "
                + "pending_secret = EXCLUDED.pending_secret", userId, setupId, pendingSecret);
    }

    /** The pending secret becomes the secret; {@code step} (the confirming code's) is the last accepted. */
    void enable(UUID userId, long step, Instant now) {
        jdbc.update("UPDATE user_mfa SET secret = pending_secret, pending_secret = NULL, pending_setup_id = NULL, "
                + "enabled_at = ?, last_step = ? WHERE user_id = ?", Timestamp.from(now), step, userId);
    }

    /** Records {@code step} as the last accepted one; false (nothing changed) when it is not newer. */
    boolean acceptStep(UUID userId, long step) {
        return jdbc.update("UPDATE user_mfa SET last_step = ? WHERE user_id = ? AND last_step < ?", step, userId, step) == 1;
    }

    void replaceRecoveryCodes(UUID userId, List<String> codeHashes) {
        jdbc.update("DELETE FROM user_mfa_recovery_code WHERE user_id = ?", userId);
        jdbc.batchUpdate("INSERT INTO user_mfa_recovery_code (user_id, code_hash) VALUES (?, ?)",
                codeHashes.stream().map(h -> new Object[] {userId, h}).toList());
    }

    /** Marks an unused recovery code used; false when the user has no such unused code. */
    boolean useRecoveryCode(UUID userId, String codeHash, Instant now) {
        return jdbc.update("UPDATE user_mfa_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? "
                + "AND used_at IS NULL", Timestamp.from(now), userId, codeHash) == 1;
    }

    int unusedRecoveryCodes(UUID userId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM user_mfa_recovery_code WHERE user_id = ? AND used_at IS NULL",
                Integer.class, userId);
        return n == null ? 0 : n;
    }

    @EventHandler
    void on(UserDeletedEvent e) {
        remove(e.userId());
    }

    void remove(UUID userId) {
        jdbc.update("DELETE FROM user_mfa_recovery_code WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM user_mfa WHERE user_id = ?", userId);
    }

    private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new State(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3), rs.getLong(4));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
