package io.nodeplane.command.user;

import static io.nodeplane.command.support.CommandRejectedException.conflict;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.command.user.UserMfa.State;
import io.nodeplane.command.user.UserMfaCommands.AnswerMfaChallengeCommand;
import io.nodeplane.command.user.UserMfaCommands.AnswerMfaChallengeWithRecoveryCodeCommand;
import io.nodeplane.command.user.UserMfaCommands.DisableMfaCommand;
import io.nodeplane.command.user.UserMfaCommands.EnableMfaCommand;
import io.nodeplane.command.user.UserMfaCommands.IssueMfaChallengeCommand;
import io.nodeplane.command.user.UserMfaCommands.RegenerateRecoveryCodesCommand;
import io.nodeplane.command.user.UserMfaCommands.StartMfaSetupCommand;
import io.nodeplane.command.user.UserTokens.Purpose;
import io.nodeplane.events.auth.LoginSucceededEvent;
import io.nodeplane.events.auth.MfaChallengeIssuedEvent;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * TOTP multi-factor sign-in. Each command runs in one database transaction with the user's MFA row
 * locked, so a time step is accepted at most once and a refused command changes nothing (a challenge
 * answered with a wrong code stays usable until it expires).
 */
@Component
class UserMfaHandler {

    private final Repository<User> users;
    private final UserMfa mfa;
    private final UserTokens tokens;
    private final EventGateway events;
    private final Clock clock;

    UserMfaHandler(Repository<User> users, UserMfa mfa, UserTokens tokens, EventGateway events, Clock clock) {
        this.users = users;
        this.mfa = mfa;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    void handle(StartMfaSetupCommand c) {
        Aggregate<User> user = load(c.userId());
        mfa.lock(c.userId());
        user.execute(User::startMfaSetup);
        mfa.startSetup(c.userId(), c.setupId(), c.encryptedSecret());
    }

    @CommandHandler
    void handle(EnableMfaCommand c) {
        Aggregate<User> user = load(c.userId());
        State state = mfa.lock(c.userId()).orElse(null);
        if (state != null && state.enabled()) {
            throw conflict("MFA_ALREADY_ENABLED", "Multi-factor sign-in is already enabled");
        }
        if (state == null || !c.setupId().equals(state.pendingSetupId())) { // restarted meanwhile: another secret
            throw conflict("MFA_NOT_PENDING", "No multi-factor setup is pending for this secret");
        }
        user.execute(u -> u.enableMfa(c.recoveryCodeHashes().size()));
        mfa.enable(c.userId(), c.step(), clock.instant());
        mfa.replaceRecoveryCodes(c.userId(), c.recoveryCodeHashes());
    }

    @CommandHandler
    void handle(DisableMfaCommand c) {
        Aggregate<User> user = load(c.userId());
        requireEnabled(c.userId());
        if ("code".equals(c.proof())) {
            acceptStep(c.userId(), c.step());
        }
        user.execute(u -> u.disableMfa(c.proof()));
        mfa.remove(c.userId());
    }

    @CommandHandler
    void handle(RegenerateRecoveryCodesCommand c) {
        Aggregate<User> user = load(c.userId());
        requireEnabled(c.userId());
        acceptStep(c.userId(), c.step());
        user.execute(u -> u.regenerateRecoveryCodes(c.recoveryCodeHashes().size()));
        mfa.replaceRecoveryCodes(c.userId(), c.recoveryCodeHashes());
    }

    @CommandHandler
    void handle(IssueMfaChallengeCommand c) {
        tokens.issue(c.tokenHash(), c.userId(), Purpose.MFA_CHALLENGE, clock.instant());
        // a sign-in fact, not user state: recorded without growing the user's stream, like LoginSucceededEvent
        events.publish(new MfaChallengeIssuedEvent(c.userId(), c.email()));
    }

    @CommandHandler
    UUID handle(AnswerMfaChallengeCommand c) {
        Aggregate<User> user = challenged(c.tokenHash(), c.userId());
        if (!mfa.acceptStep(c.userId(), c.step())) {
            throw unauthorized("MFA_CODE_INVALID", "Invalid code"); // a replay: this step was already accepted
        }
        return signedIn(user);
    }

    @CommandHandler
    UUID handle(AnswerMfaChallengeWithRecoveryCodeCommand c) {
        Aggregate<User> user = challenged(c.tokenHash(), c.userId());
        if (!mfa.useRecoveryCode(c.userId(), c.recoveryCodeHash(), clock.instant())) {
            throw unauthorized("MFA_RECOVERY_CODE_INVALID", "Invalid recovery code");
        }
        int remaining = mfa.unusedRecoveryCodes(c.userId());
        user.execute(u -> u.recoveryCodeUsed(remaining));
        return signedIn(user);
    }

    /** Redeems the challenge of an active MFA user; every refusal is the same 401. */
    private Aggregate<User> challenged(String tokenHash, UUID userId) {
        UUID holder;
        try {
            holder = tokens.redeem(tokenHash, Purpose.MFA_CHALLENGE, clock.instant());
        } catch (CommandRejectedException e) { // unknown, used, replaced or expired
            throw unauthorized("MFA_CHALLENGE_INVALID", "The sign-in challenge is invalid or has expired");
        }
        Aggregate<User> user = holder.equals(userId) ? loadOrNull(userId) : null;
        if (user == null || !user.invoke(User::mayResetPassword) || !mfa.lock(userId).map(State::enabled).orElse(false)) {
            throw unauthorized("MFA_CHALLENGE_INVALID", "The sign-in challenge is invalid or has expired");
        }
        return user;
    }

    private UUID signedIn(Aggregate<User> user) {
        LoginSucceededEvent success = user.invoke(u -> new LoginSucceededEvent(u.id(), u.email().toLowerCase(Locale.ROOT)));
        events.publish(success);
        return user.invoke(User::id);
    }

    private void requireEnabled(UUID userId) {
        if (!mfa.lock(userId).map(State::enabled).orElse(false)) {
            throw conflict("MFA_NOT_ENABLED", "Multi-factor sign-in is not enabled");
        }
    }

    private void acceptStep(UUID userId, long step) {
        if (!mfa.acceptStep(userId, step)) {
            throw CommandRejectedException.badRequest("MFA_CODE_INVALID", "The code is not valid (or was already used)");
        }
    }

    private static CommandRejectedException unauthorized(String code, String message) {
        return new CommandRejectedException(Kind.UNAUTHORIZED, code, message);
    }

    private Aggregate<User> load(UUID userId) {
        return UserAggregates.load(users, userId);
    }

    private Aggregate<User> loadOrNull(UUID userId) {
        return UserAggregates.loadOrNull(users, userId);
    }
}
