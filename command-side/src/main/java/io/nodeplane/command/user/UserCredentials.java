package io.nodeplane.command.user;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes (bcrypt), kept in {@code user_credential} and never in an event. Every method
 * blocks (JDBC and a deliberately slow hash): call it off the event loop.
 */
@Component
public class UserCredentials {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);
    // compared against when the account does not exist, so both paths cost one bcrypt check
    private static final String DUMMY_HASH = BCRYPT.encode("nodeplane-timing-equaliser");

    private final JdbcTemplate jdbc;

    UserCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Hashes a password for a command; the plain text never leaves the caller. */
    public static String hash(String rawPassword) {
        return BCRYPT.encode(rawPassword);
    }

    /** True only when the user has a password and {@code rawPassword} matches it. */
    public boolean verify(UUID userId, String rawPassword) {
        List<String> hashes = userId == null ? List.of() : jdbc.queryForList(
                "SELECT password_hash FROM user_credential WHERE user_id = ?", String.class, userId);
        if (hashes.isEmpty()) {
            BCRYPT.matches(rawPassword, DUMMY_HASH);
            return false;
        }
        return BCRYPT.matches(rawPassword, hashes.get(0));
    }

    /** Burns the same time as a real check; used when there is no account to check against. */
    public void verifyNothing(String rawPassword) {
        BCRYPT.matches(rawPassword, DUMMY_HASH);
    }

    void remove(UUID userId) {
        jdbc.update("DELETE FROM user_credential WHERE user_id = ?", userId);
    }

    void store(UUID userId, String passwordHash) {
        jdbc.update("INSERT INTO user_credential (user_id, password_hash, updated_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()",
                userId, passwordHash);
    }
}
