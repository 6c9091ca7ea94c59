package io.nodeplane.command.user;

import static io.nodeplane.command.support.CommandRejectedException.conflict;

import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.command.user.UserAccountCommands.AcceptInvitationCommand;
import io.nodeplane.command.user.UserAccountCommands.ChangePasswordCommand;
import io.nodeplane.command.user.UserAccountCommands.DeleteUserCommand;
import io.nodeplane.command.user.UserAccountCommands.InviteUserCommand;
import io.nodeplane.command.user.UserAccountCommands.IssuedLink;
import io.nodeplane.command.user.UserAccountCommands.RequestPasswordResetCommand;
import io.nodeplane.command.user.UserAccountCommands.ResendInvitationCommand;
import io.nodeplane.command.user.UserAccountCommands.ResetPasswordCommand;
import io.nodeplane.command.user.UserAccountCommands.UpdateUserCommand;
import io.nodeplane.command.user.UserTokens.Purpose;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.events.user.UserUpdatedEvent.Profile;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The account lifecycle. Each command runs in one database transaction: tokens, credentials, e-mail
 * claims and the user's events are stored together or not at all.
 */
@Component
class UserAccountHandler {

    private final Repository<User> users;
    private final UserCommandHandler creation;
    private final UniqueKeys uniqueKeys;
    private final UserCredentials credentials;
    private final UserTokens tokens;
    private final UserLookups lookups;
    private final Clock clock;

    UserAccountHandler(Repository<User> users, UserCommandHandler creation, UniqueKeys uniqueKeys,
                       UserCredentials credentials, UserTokens tokens, UserLookups lookups, Clock clock) {
        this.users = users;
        this.creation = creation;
        this.uniqueKeys = uniqueKeys;
        this.credentials = credentials;
        this.tokens = tokens;
        this.lookups = lookups;
        this.clock = clock;
    }

    @CommandHandler
    IssuedLink handle(InviteUserCommand c) throws Exception {
        Aggregate<User> user = creation.create(
                new CreateUserCommand(c.userId(), c.email(), c.name(), c.role(), false, "UTC", null));
        Instant expiresAt = tokens.issue(c.tokenHash(), c.userId(), Purpose.INVITATION, clock.instant());
        user.execute(u -> u.invite(expiresAt, false));
        return link(user, expiresAt);
    }

    @CommandHandler
    IssuedLink handle(ResendInvitationCommand c) {
        Aggregate<User> user = load(c.userId());
        Instant now = clock.instant();
        user.execute(u -> u.invite(now.plus(Purpose.INVITATION.lifetime()), true)); // refuses an accepted user
        return link(user, tokens.issue(c.tokenHash(), c.userId(), Purpose.INVITATION, now));
    }

    @CommandHandler
    UUID handle(AcceptInvitationCommand c) {
        UUID userId = tokens.redeem(c.tokenHash(), Purpose.INVITATION, clock.instant());
        load(userId).execute(u -> u.accept(c.name()));
        credentials.store(userId, c.passwordHash());
        return userId;
    }

    @CommandHandler
    void handle(UpdateUserCommand c) {
        Aggregate<User> user = load(c.userId());
        Profile now = user.invoke(User::profile);
        Profile next = new Profile(c.name() == null ? now.name() : c.name().trim(),
                c.role() == null ? now.role() : c.role(), c.active() == null ? now.active() : c.active());
        boolean losesAdmin = isActiveAdmin(now) && !isActiveAdmin(next);
        if (losesAdmin && lookups.lockAndCountActiveAdmins() <= 1) {
            throw conflict("LAST_PLATFORM_ADMIN", "The last active platform admin cannot be demoted or deactivated");
        }
        user.execute(u -> u.update(next));
    }

    @CommandHandler
    void handle(DeleteUserCommand c) {
        Aggregate<User> user = load(c.userId());
        if (isActiveAdmin(user.invoke(User::profile)) && lookups.lockAndCountActiveAdmins() <= 1) {
            throw conflict("LAST_PLATFORM_ADMIN", "The last active platform admin cannot be deleted");
        }
        if (lookups.assignments(c.userId()) > 0) {
            throw conflict("USER_HAS_ASSIGNMENTS",
                    "The user still has workspace memberships, team memberships or owned schedules");
        }
        user.execute(User::delete);
        uniqueKeys.releaseAll(UniqueKeys.USER_EMAIL, c.userId());
        credentials.remove(c.userId());
        tokens.revoke(c.userId(), null, clock.instant());
    }

    @CommandHandler
    IssuedLink handle(RequestPasswordResetCommand c) {
        String email = c.email() == null ? "" : c.email().trim().toLowerCase(Locale.ROOT);
        UUID userId = uniqueKeys.holder(UniqueKeys.USER_EMAIL, email);
        Aggregate<User> user = userId == null ? null : loadOrNull(userId);
        if (user == null || !user.invoke(User::mayResetPassword)) {
            return null;
        }
        Instant expiresAt = tokens.issue(c.tokenHash(), userId, Purpose.PASSWORD_RESET, clock.instant());
        user.execute(u -> u.requestPasswordReset(expiresAt));
        return link(user, expiresAt);
    }

    @CommandHandler
    UUID handle(ResetPasswordCommand c) {
        UUID userId = tokens.redeem(c.tokenHash(), Purpose.PASSWORD_RESET, clock.instant());
        load(userId).execute(u -> u.passwordChanged("reset"));
        credentials.store(userId, c.passwordHash());
        return userId;
    }

    @CommandHandler
    void handle(ChangePasswordCommand c) {
        load(c.userId()).execute(u -> u.passwordChanged("change"));
        credentials.store(c.userId(), c.passwordHash());
    }

    private static IssuedLink link(Aggregate<User> user, Instant expiresAt) {
        return user.invoke(u -> new IssuedLink(u.id(), u.email(), u.profile().name(), expiresAt));
    }

    private static boolean isActiveAdmin(Profile p) {
        return p.active() && p.role() == UserRole.PLATFORM_ADMIN;
    }

    private Aggregate<User> load(UUID userId) {
        return UserAggregates.load(users, userId);
    }

    private Aggregate<User> loadOrNull(UUID userId) {
        return UserAggregates.loadOrNull(users, userId);
    }
}
