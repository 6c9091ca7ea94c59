package io.nodeplane.api.auth;

import io.nodeplane.api.auth.MfaRequests.VerifyMfaChallengeRequest;
import io.nodeplane.api.auth.MfaRequests.VerifyRecoveryCodeRequest;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.user.UserMfa;
import io.nodeplane.command.user.UserMfa.State;
import io.nodeplane.command.user.UserMfaCommands.AnswerMfaChallengeCommand;
import io.nodeplane.command.user.UserMfaCommands.AnswerMfaChallengeWithRecoveryCodeCommand;
import io.nodeplane.command.user.UserTokens;
import io.nodeplane.command.user.UserTokens.Purpose;
import io.nodeplane.events.auth.MfaFailureReason;
import io.nodeplane.events.auth.MfaVerificationFailedEvent;
import io.nodeplane.query.user.UserQueryService;
import io.nodeplane.query.user.UserView;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Completes the sign-in of an MFA user: a challenge answered with a TOTP code or a recovery code earns
 * the access token. Every refusal is a 401 recorded in the audit log; a refused answer leaves the
 * challenge usable until it expires, and a time step or recovery code works only once.
 */
@Service
class MfaVerification {

    private static final String CHALLENGE_INVALID = "MFA_CHALLENGE_INVALID";

    /** A usable challenge: its user and their sealed secret. */
    private record Challenged(UserView user, byte[] sealedSecret) {
    }

    private final OneTimeTokens oneTimeTokens;
    private final UserTokens tokens;
    private final UserMfa mfa;
    private final MfaSecrets secrets;
    private final UserQueryService users;
    private final Commands commands;
    private final LoginService logins;
    private final Clock clock;

    MfaVerification(OneTimeTokens oneTimeTokens, UserTokens tokens, UserMfa mfa, MfaSecrets secrets,
                    UserQueryService users, Commands commands, LoginService logins, Clock clock) {
        this.oneTimeTokens = oneTimeTokens;
        this.tokens = tokens;
        this.mfa = mfa;
        this.secrets = secrets;
        this.users = users;
        this.commands = commands;
        this.logins = logins;
        this.clock = clock;
    }

    Mono<LoginResponse> verify(VerifyMfaChallengeRequest r, Actor actor) {
        String hash = oneTimeTokens.hash(r.challengeToken());
        return challenged(hash, actor).flatMap(c -> {
            UUID userId = c.user().id();
            OptionalLong step = Totp.matchingStep(secrets.open(userId, c.sealedSecret()), r.code(), clock.instant());
            return step.isEmpty() ? refuse(c.user(), MfaFailureReason.WRONG_CODE, actor, "MFA_CODE_INVALID", "Invalid code")
                    : complete(new AnswerMfaChallengeCommand(hash, userId, step.getAsLong()), c.user(), actor,
                            MfaFailureReason.REPLAYED_CODE);
        });
    }

    Mono<LoginResponse> recover(VerifyRecoveryCodeRequest r, Actor actor) {
        String hash = oneTimeTokens.hash(r.challengeToken());
        return challenged(hash, actor).flatMap(c -> complete(new AnswerMfaChallengeWithRecoveryCodeCommand(hash,
                c.user().id(), secrets.hashRecoveryCode(r.recoveryCode())), c.user(), actor,
                MfaFailureReason.WRONG_RECOVERY_CODE));
    }

    /** The challenge's user and secret while it may be answered; a refusal names the user when the token is known. */
    private Mono<Challenged> challenged(String hash, Actor actor) {
        return Mono.fromCallable(() -> tokens.find(hash).filter(t -> t.purpose() == Purpose.MFA_CHALLENGE))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .flatMap(token -> users.byId(token.userId()).flatMap(user -> Mono.fromCallable(() ->
                                token.usableAt(clock.instant()) && user.isActive() ? mfa.find(user.id()).filter(State::enabled)
                                        .map(state -> new Challenged(user, state.secret())) : Optional.<Challenged>empty())
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(Mono::justOrEmpty)
                        .switchIfEmpty(Mono.defer(() -> invalidChallenge(user, actor)))))
                .switchIfEmpty(Mono.defer(() -> invalidChallenge(null, actor)));
    }

    private <T> Mono<T> invalidChallenge(UserView user, Actor actor) {
        return refuse(user, MfaFailureReason.INVALID_CHALLENGE, actor, CHALLENGE_INVALID,
                "The sign-in challenge is invalid or has expired; sign in again");
    }

    private Mono<LoginResponse> complete(Object command, UserView user, Actor actor, MfaFailureReason refusal) {
        return commands.<UUID>send(command, actor.as(user.id(), user.email()))
                .then(Mono.defer(() -> users.byId(user.id())))
                .map(logins::signedIn)
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized("The account is no longer available")))
                .onErrorResume(CommandRejectedException.class, e -> e.kind() != CommandRejectedException.Kind.UNAUTHORIZED
                        ? Mono.error(e)
                        : refuse(user, CHALLENGE_INVALID.equals(e.code()) ? MfaFailureReason.INVALID_CHALLENGE : refusal,
                                actor, e.code(), e.getMessage()));
    }

    private <T> Mono<T> refuse(UserView user, MfaFailureReason reason, Actor actor, String code, String message) {
        MfaVerificationFailedEvent event = new MfaVerificationFailedEvent(user == null ? null : user.id(),
                user == null ? null : user.email().toLowerCase(Locale.ROOT), reason);
        return commands.record(event, actor).then(Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, code, message)));
    }
}
