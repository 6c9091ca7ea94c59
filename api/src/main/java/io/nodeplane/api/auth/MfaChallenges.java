package io.nodeplane.api.auth;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.command.user.UserMfa;
import io.nodeplane.command.user.UserMfaCommands.IssueMfaChallengeCommand;
import io.nodeplane.query.user.UserView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The second step of signing in as a user with MFA: instead of an access token, a challenge token
 * (32 random bytes, stored only as its HMAC, 5 minutes, single use) to answer with a code.
 */
@Component
class MfaChallenges {

    private final UserMfa mfa;
    private final OneTimeTokens tokens;
    private final Commands commands;

    MfaChallenges(UserMfa mfa, OneTimeTokens tokens, Commands commands) {
        this.mfa = mfa;
        this.tokens = tokens;
        this.commands = commands;
    }

    /** Whether signing in as this user needs a second factor (asked of the write side, never of a read model). */
    Mono<Boolean> required(UserView user) {
        return Mono.fromCallable(() -> mfa.enabled(user.id())).subscribeOn(Schedulers.boundedElastic());
    }

    /** Stores a challenge for a user who proved their password and answers it. */
    Mono<LoginResponse> issue(UserView user, String email, Actor actor) {
        OneTimeTokens.Issued challenge = tokens.issue();
        return commands.send(new IssueMfaChallengeCommand(user.id(), email, challenge.hash()), actor.as(user.id(), user.email()))
                .thenReturn(LoginResponse.mfaRequired(challenge.token()));
    }
}
