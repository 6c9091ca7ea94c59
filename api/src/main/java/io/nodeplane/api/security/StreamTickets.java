package io.nodeplane.api.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.nodeplane.api.realtime.RealtimeProperties;
import io.nodeplane.query.user.UserView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Service;

/**
 * Single-use stream tickets: browsers cannot put a header on an {@code EventSource} or a WebSocket, so
 * they exchange their access token for a short-lived ticket and pass it as {@code ?ticket=}. A ticket is
 * signed with its own derived key (an access token is never a ticket, nor the other way round) and is
 * accepted once on this instance, within its lifetime.
 */
@Service
public class StreamTickets {

    /** A new ticket and when it stops being accepted. */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    private final SecretKey key;
    private final JwtParser parser;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    StreamTickets(JwtService jwt, RealtimeProperties properties) {
        this.key = Keys.hmacShaKeyFor(jwt.derivedKey("stream-ticket"));
        this.parser = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build();
        this.lifetime = properties.ticketTtl();
    }

    public Ticket issue(UserView user) {
        Instant expiresAt = clock.instant().plus(lifetime);
        String ticket = Jwts.builder().subject(user.id().toString()).id(UUID.randomUUID().toString())
                .claim("sessionVersion", user.sessionVersion()).expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256).compact();
        return new Ticket(ticket, expiresAt);
    }

    /** The ticket's user, the first time a valid ticket is presented; empty afterwards and for anything invalid. */
    Optional<JwtService.TokenClaims> redeem(String ticket) {
        try {
            Claims claims = parser.parseSignedClaims(ticket).getPayload();
            Instant now = clock.instant();
            used.values().removeIf(expiry -> expiry.isBefore(now));
            if (used.putIfAbsent(claims.getId(), claims.getExpiration().toInstant()) != null) {
                return Optional.empty();
            }
            Number version = claims.get("sessionVersion", Number.class);
            return Optional.of(new JwtService.TokenClaims(UUID.fromString(claims.getSubject()),
                    version == null ? -1 : version.intValue()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
