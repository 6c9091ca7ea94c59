package io.nodeplane.api.auth;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.security.JwtService;
import io.nodeplane.api.user.UserResponse;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.command.user.UserCredentials;
import io.nodeplane.events.auth.LoginFailedEvent;
import io.nodeplane.events.auth.LoginFailureReason;
import io.nodeplane.events.auth.LoginSucceededEvent;
import io.nodeplane.query.user.UserQueryService;
import io.nodeplane.query.user.UserView;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password sign-in. Every attempt, accepted or refused, is recorded in the event store. Unknown
 * address, wrong password and inactive account all answer the same 401 after the same bcrypt work,
 * so the answer reveals nothing about which accounts exist.
 */
@Service
class LoginService {

    static final String INVALID = "Invalid email or password";

    private final UserQueryService users;
    private final UserCredentials credentials;
    private final JwtService jwt;
    private final Commands commands;
    private final MfaChallenges mfa;

    LoginService(UserQueryService users, UserCredentials credentials, JwtService jwt, Commands commands,
                 MfaChallenges mfa) {
        this.users = users;
        this.credentials = credentials;
        this.jwt = jwt;
        this.commands = commands;
        this.mfa = mfa;
    }

    Mono<LoginResponse> login(LoginRequest request, Actor actor) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        return users.byEmail(email).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> Mono.fromCallable(() -> check(user, request.password()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(refusal -> refusal.isEmpty()
                                ? succeed(user.get(), email, actor)
                                : fail(user.map(UserView::id).orElse(null), email, refusal.get(), actor)));
    }

    /** Why the attempt is refused, or empty when it succeeds. Blocks (bcrypt, JDBC). */
    private Optional<LoginFailureReason> check(Optional<UserView> user, String password) {
        if (user.isEmpty()) {
            credentials.verifyNothing(password);
            return Optional.of(LoginFailureReason.UNKNOWN_EMAIL);
        }
        if (!credentials.verify(user.get().id(), password)) {
            return Optional.of(LoginFailureReason.WRONG_PASSWORD);
        }
        return user.get().isActive() ? Optional.empty() : Optional.of(LoginFailureReason.INACTIVE_USER);
    }

    private Mono<LoginResponse> succeed(UserView user, String email, Actor actor) {
        // with MFA the password only earns a challenge; its answer is recorded as the successful sign-in
        return mfa.required(user).flatMap(required -> required ? mfa.issue(user, email, actor)
                : commands.record(new LoginSucceededEvent(user.id(), email), actor.as(user.id(), user.email()))
                        .thenReturn(signedIn(user)));
    }

    /** The answer of a completed sign-in: an access token for {@code user}. */
    LoginResponse signedIn(UserView user) {
        return new LoginResponse(jwt.issue(user), jwt.expiresIn(), UserResponse.of(user), "/dashboard");
    }

    private Mono<LoginResponse> fail(java.util.UUID userId, String email, LoginFailureReason reason, Actor actor) {
        return commands.record(new LoginFailedEvent(userId, email, reason), actor)
                .then(Mono.error(ApiException.unauthorized(INVALID)));
    }
}
