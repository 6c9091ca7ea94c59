package io.nodeplane.command.user;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserDeletedEvent;
import io.nodeplane.events.user.UserInvitationAcceptedEvent;
import io.nodeplane.events.user.UserInvitationIssuedEvent;
import io.nodeplane.events.user.UserPasswordChangedEvent;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import io.nodeplane.events.user.UserUpdatedEvent;
import io.nodeplane.events.user.UserUpdatedEvent.Profile;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account lifecycle decisions of the {@code User} aggregate (the cross-user rules are in ITs). */
class UserAccountTest {

    /** Runs one aggregate method, as {@link UserAccountHandler} does after its own checks. */
    record Act(@TargetAggregateIdentifier UUID userId, Consumer<User> action) {
    }

    static class Acts {
        private final Repository<User> users;

        Acts(Repository<User> users) {
            this.users = users;
        }

        @CommandHandler
        void handle(Act act) {
            users.load(act.userId().toString()).execute(act.action());
        }
    }

    private final UUID userId = UUID.randomUUID();
    private final Instant expiry = Instant.parse("2026-12-01T10:00:00Z");
    private final UserCreatedEvent pending = new UserCreatedEvent(userId, "ada@example.com", "Ada", UserRole.USER, false, "UTC");
    private final UserCreatedEvent active = new UserCreatedEvent(userId, "ada@example.com", "Ada", UserRole.USER, true, "UTC");
    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerAnnotatedCommandHandler(new Acts(fixture.getRepository()));
    }

    private Act act(Consumer<User> action) {
        return new Act(userId, action);
    }

    @Test
    void acceptingAnInvitationActivatesTheUserAndEndsOlderSessions() {
        fixture.given(pending, new UserInvitationIssuedEvent(userId, expiry, false))
                .when(act(u -> u.accept("  Ada L.  ")))
                .expectEvents(new UserInvitationAcceptedEvent(userId, "Ada L."),
                        new UserSessionsRevokedEvent(userId, 1, "invitation-accepted"));
        fixture.given(pending).when(act(u -> u.accept(null)))
                .expectEvents(new UserInvitationAcceptedEvent(userId, "Ada"),
                        new UserSessionsRevokedEvent(userId, 1, "invitation-accepted"));
    }

    @Test
    void anAcceptedUserGetsNoNewInvitationAndCannotAcceptTwice() {
        fixture.given(pending, new UserInvitationAcceptedEvent(userId, "Ada"))
                .when(act(u -> u.invite(expiry, true))).expectException(CommandRejectedException.class);
        fixture.given(pending, new UserInvitationAcceptedEvent(userId, "Ada"))
                .when(act(u -> u.accept("Ada"))).expectException(CommandRejectedException.class);
        fixture.given(pending).when(act(u -> u.invite(expiry, true)))
                .expectEvents(new UserInvitationIssuedEvent(userId, expiry, true));
    }

    @Test
    void aPendingInviteeCannotBeActivated() {
        fixture.given(pending).when(act(u -> u.update(new Profile("Ada", UserRole.USER, true))))
                .expectException(CommandRejectedException.class).expectNoEvents();
    }

    @Test
    void roleChangesAndDeactivationEndSessionsButARenameDoesNot() {
        fixture.given(active).when(act(u -> u.update(new Profile("Ada B", UserRole.USER, true))))
                .expectEvents(new UserUpdatedEvent(userId, new Profile("Ada", UserRole.USER, true),
                        new Profile("Ada B", UserRole.USER, true)));
        fixture.given(active).when(act(u -> u.update(new Profile("Ada", UserRole.PLATFORM_ADMIN, true))))
                .expectEvents(new UserUpdatedEvent(userId, new Profile("Ada", UserRole.USER, true),
                                new Profile("Ada", UserRole.PLATFORM_ADMIN, true)),
                        new UserSessionsRevokedEvent(userId, 1, "role-changed"));
        fixture.given(active).when(act(u -> u.update(new Profile("Ada", UserRole.USER, false))))
                .expectEvents(new UserUpdatedEvent(userId, new Profile("Ada", UserRole.USER, true),
                                new Profile("Ada", UserRole.USER, false)),
                        new UserSessionsRevokedEvent(userId, 1, "deactivated"));
        fixture.given(active).when(act(u -> u.update(new Profile("Ada", UserRole.USER, true)))).expectNoEvents();
        fixture.given(active).when(act(u -> u.update(new Profile(" ", UserRole.USER, true))))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aPasswordChangeEndsSessionsAndNeedsAnActiveAccount() {
        fixture.given(active, new UserSessionsRevokedEvent(userId, 3, "operator-request"))
                .when(act(u -> u.passwordChanged("reset")))
                .expectEvents(new UserPasswordChangedEvent(userId, "reset"),
                        new UserSessionsRevokedEvent(userId, 4, "password-reset"));
        fixture.given(active, new UserUpdatedEvent(userId, new Profile("Ada", UserRole.USER, true),
                        new Profile("Ada", UserRole.USER, false)))
                .when(act(u -> u.passwordChanged("change"))).expectException(CommandRejectedException.class);
    }

    @Test
    void deletingRecordsTheFreedAddress() {
        fixture.given(active).when(act(User::delete)).expectEvents(new UserDeletedEvent(userId, "ada@example.com"));
    }
}
