package io.nodeplane.api.auth;

import io.nodeplane.api.security.JwtService;
import io.nodeplane.api.security.KeyedHash;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.command.user.UserTokens;
import io.nodeplane.command.user.UserTokens.Purpose;
import io.nodeplane.command.user.UserTokens.Token;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One-time link tokens: 32 random bytes, base64url. Only their HMAC-SHA256 (keyed by a secret derived
 * from {@code JWT_SECRET}) goes into a command and the database; the token itself goes into one e-mail.
 */
@Service
public class OneTimeTokens {

    /** A new token and the hash under which it is stored. */
    public record Issued(String token, String hash) {
        @Override
        public String toString() {
            return "Issued[hash=" + hash + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_LENGTH = 128;

    private final KeyedHash keyed;
    private final UserTokens tokens;
    private final Clock clock;

    OneTimeTokens(JwtService jwt, UserTokens tokens, Clock clock) {
        this.keyed = new KeyedHash(jwt.derivedKey("user-token"));
        this.tokens = tokens;
        this.clock = clock;
    }

    public Issued issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token));
    }

    public String hash(String token) {
        return keyed.hex(token);
    }

    /** The link's stored state while it may be redeemed; 404 when unknown (or of another purpose), 410 when spent. */
    Mono<Token> usable(String token, Purpose purpose) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Mono.error(notFound());
        }
        String hash = hash(token);
        return Mono.fromCallable(() -> tokens.find(hash)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .filter(t -> t.purpose() == purpose)
                .switchIfEmpty(Mono.error(OneTimeTokens::notFound))
                .flatMap(t -> t.usableAt(clock.instant()) ? Mono.just(t) : Mono.error(new ApiException(HttpStatus.GONE,
                        "TOKEN_GONE", "This link was already used, has expired or was replaced")));
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "TOKEN_NOT_FOUND", "This link is not valid");
    }
}
