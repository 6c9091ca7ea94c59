package io.nodeplane.api.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.nodeplane.api.config.NodeplaneProperties;
import io.nodeplane.api.config.StateFiles;
import io.nodeplane.query.user.UserView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies access tokens (HS256; claims {@code sub, email, role, name, sessionVersion}).
 *
 * <p>The key comes from {@code JWT_SECRET} (at least 32 bytes, else the service refuses to start) or,
 * when unset, from a random secret generated once and kept in the state directory.
 */
@Service
public class JwtService {

    /** The claims a valid token carries. */
    public record TokenClaims(UUID userId, int sessionVersion) {
    }

    private static final Logger log = LoggerFactory.getLogger(JwtService.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd]?)");

    private final SecretKey key;
    private final Duration lifetime;
    private final String expiresIn;
    private final Clock clock = Clock.systemUTC();
    // built once: building a parser looks up its JSON reader through the service loader every time
    private final JwtParser parser;

    JwtService(NodeplaneProperties properties) {
        this.key = Keys.hmacShaKeyFor(secret(properties));
        this.expiresIn = properties.jwt().expiresIn();
        this.lifetime = parse(expiresIn);
        this.parser = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build();
    }

    public String issue(UserView user) {
        Instant now = clock.instant();
        return Jwts.builder()
                .subject(user.id().toString())
                .claim("email", user.email())
                .claim("role", user.role())
                .claim("name", user.name())
                .claim("sessionVersion", user.sessionVersion())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(lifetime)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /**
     * A 32-byte key for another purpose (token lookup hashes, secret encryption), derived from the
     * signing secret with HMAC-SHA256 so that the signing key itself never leaves this class.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The token lifetime as the contract writes it, e.g. {@code "1d"}. */
    public String expiresIn() {
        return expiresIn;
    }

    /** Verifies signature and expiry; empty for any invalid token. */
    public Optional<TokenClaims> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            Number version = claims.get("sessionVersion", Number.class);
            return Optional.of(new TokenClaims(UUID.fromString(claims.getSubject()),
                    version == null ? -1 : version.intValue()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalStateException("JWT_EXPIRES_IN must look like 1d, 12h, 30m or 3600s, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static byte[] secret(NodeplaneProperties properties) {
        String configured = properties.jwt().secret();
        if (configured != null && !configured.isEmpty()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("JWT_SECRET must be at least 32 bytes long; refusing to start");
            }
            return bytes;
        }
        Path file = properties.stateDir().resolve("jwt_secret");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] generated = new byte[48];
            new SecureRandom().nextBytes(generated);
            StateFiles.writeSecret(file, Base64.getEncoder().encodeToString(generated));
            log.warn("JWT_SECRET is not set: generated a signing secret and stored it in {}. Set JWT_SECRET "
                    + "(at least 32 bytes) when running more than one instance.", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
