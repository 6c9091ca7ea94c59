package io.nodeplane.api.security;

import io.nodeplane.query.user.UserQueryService;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Who an access token belongs to: its user, while that user is active and the token's session version is
 * still the user's current one (revoking sessions takes effect at once). Used by the HTTP security chain
 * and by connections that authenticate inside their protocol (Socket.IO).
 */
@Service
public class SignedInUsers {

    private final JwtService jwt;
    private final UserQueryService users;

    SignedInUsers(JwtService jwt, UserQueryService users) {
        this.jwt = jwt;
        this.users = users;
    }

    /** The token's user; empty for an invalid or expired token, a deactivated user or a revoked session. */
    public Mono<AuthenticatedUser> byAccessToken(String token) {
        return token == null ? Mono.empty() : Mono.justOrEmpty(jwt.verify(token)).flatMap(this::byClaims);
    }

    /**
     * The user as now stored, while still signed in with the session {@code user} was verified with; empty
     * once deactivated or its sessions were revoked. For connections that outlive the request that opened them.
     */
    public Mono<AuthenticatedUser> stillSignedIn(AuthenticatedUser user) {
        return byClaims(new JwtService.TokenClaims(user.id(), user.view().sessionVersion()));
    }

    Mono<AuthenticatedUser> byClaims(JwtService.TokenClaims claims) {
        return users.byId(claims.userId())
                .filter(user -> user.isActive() && user.sessionVersion() == claims.sessionVersion())
                .map(AuthenticatedUser::new);
    }
}
