package io.nodeplane.command.user;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code user_token}: one-time links (invitations, password resets), stored only as the HMAC of the
 * token. A link is single use, expires, and is revoked when a newer link of the same purpose is
 * issued. Every method blocks (JDBC): call it off the event loop.
 */
@Component
public class UserTokens {

    /** What a token is for, with how long it stays valid. */
    public enum Purpose {
        INVITATION(Duration.ofDays(7)), PASSWORD_RESET(Duration.ofHours(1)), MFA_CHALLENGE(Duration.ofMinutes(5));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }
    }

    /** A stored link; {@code status} is {@code pending}, {@code used} or {@code revoked}. */
    public record Token(UUID userId, Purpose purpose, String status, Instant expiresAt) {

        /** Whether the link may still be redeemed at {@code now}. */
        public boolean usableAt(Instant now) {
            return "pending".equals(status) && now.isBefore(expiresAt);
        }
    }

    private final JdbcTemplate jdbc;

    UserTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The link with this hash, in any state. */
    public Optional<Token> find(String tokenHash) {
        return first(jdbc.query("SELECT user_id, purpose, status, expires_at FROM user_token WHERE token_hash = ?",
                (rs, n) -> new Token(rs.getObject(1, UUID.class), Purpose.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), tokenHash));
    }

    /** Stores a new link, revoking the user's earlier pending links of the same purpose. */
    Instant issue(String tokenHash, UUID userId, Purpose purpose, Instant now) {
        if (tokenHash == null || tokenHash.length() != 64) {
            throw new IllegalArgumentException("a token hash is 64 hex characters");
        }
        revoke(userId, purpose, now);
        Instant expiresAt = now.plus(purpose.lifetime());
        jdbc.update("INSERT INTO user_token (token_hash, user_id, purpose, status, expires_at, created_at) "
                + "VALUES (?, ?, ?, 'pending', ?, ?)", tokenHash, userId, purpose.name(), ts(expiresAt), ts(now));
        return expiresAt;
    }

    /**
     * Marks the link used and answers its user: 404 for an unknown link (or one of another purpose), 410
     * for a used, revoked or expired one. The row stays locked until the command's transaction ends.
     */
    UUID redeem(String tokenHash, Purpose purpose, Instant now) {
        Token token = first(jdbc.query("SELECT user_id, purpose, status, expires_at FROM user_token "
                        + "WHERE token_hash = ? FOR UPDATE",
                (rs, n) -> new Token(rs.getObject(1, UUID.class), Purpose.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), tokenHash == null ? "" : tokenHash))
                .filter(t -> t.purpose() == purpose)
                .orElseThrow(() -> CommandRejectedException.notFound("TOKEN_NOT_FOUND", "This link is not valid"));
        if (!token.usableAt(now)) {
            throw new CommandRejectedException(Kind.GONE, "TOKEN_GONE", "This link was already used, has expired or was replaced");
        }
        jdbc.update("UPDATE user_token SET status = 'used', consumed_at = ? WHERE token_hash = ?", ts(now), tokenHash);
        return token.userId();
    }

    /** Revokes the user's pending links of {@code purpose}, or of every purpose when {@code null}. */
    void revoke(UUID userId, Purpose purpose, Instant now) {
        jdbc.update("UPDATE user_token SET status = 'revoked', revoked_at = ? WHERE user_id = ? AND status = 'pending' "
                + "AND (?::text IS NULL OR purpose = ?)", ts(now), userId,
                purpose == null ? null : purpose.name(), purpose == null ? null : purpose.name());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
