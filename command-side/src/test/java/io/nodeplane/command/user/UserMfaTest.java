package io.nodeplane.command.user;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.user.UserAccountTest.Act;
import io.nodeplane.command.user.UserAccountTest.Acts;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserMfaDisabledEvent;
import io.nodeplane.events.user.UserMfaEnabledEvent;
import io.nodeplane.events.user.UserMfaRecoveryCodesRegeneratedEvent;
import io.nodeplane.events.user.UserMfaSetupStartedEvent;
import io.nodeplane.events.user.UserRole;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MFA decisions of the {@code User} aggregate (codes, secrets and replays are checked in MfaIT). */
class UserMfaTest {

    private final UUID userId = UUID.randomUUID();
    private final UserCreatedEvent created = new UserCreatedEvent(userId, "ada@example.com", "Ada", UserRole.USER, true, "UTC");
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
    void enablesOnlyAPendingSetup() {
        fixture.given(created).when(act(u -> u.enableMfa(10)))
                .expectException(CommandRejectedException.class).expectExceptionMessage("No multi-factor setup is pending");
        fixture.given(created).when(act(User::startMfaSetup)).expectEvents(new UserMfaSetupStartedEvent(userId));
        fixture.given(created, new UserMfaSetupStartedEvent(userId)).when(act(u -> u.enableMfa(10)))
                .expectEvents(new UserMfaEnabledEvent(userId, 10));
    }

    @Test
    void refusesASecondSetupWhileEnabled() {
        fixture.given(created, new UserMfaSetupStartedEvent(userId), new UserMfaEnabledEvent(userId, 10))
                .when(act(User::startMfaSetup)).expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(created, new UserMfaSetupStartedEvent(userId), new UserMfaEnabledEvent(userId, 10))
                .when(act(u -> u.enableMfa(10))).expectExceptionMessage("Multi-factor sign-in is already enabled");
    }

    @Test
    void disablingAndRegeneratingNeedMfaOn() {
        fixture.given(created).when(act(u -> u.disableMfa("password"))).expectException(CommandRejectedException.class);
        fixture.given(created).when(act(u -> u.regenerateRecoveryCodes(10))).expectException(CommandRejectedException.class);
        fixture.given(created, new UserMfaSetupStartedEvent(userId), new UserMfaEnabledEvent(userId, 10))
                .when(act(u -> u.regenerateRecoveryCodes(10))).expectEvents(new UserMfaRecoveryCodesRegeneratedEvent(userId, 10));
        fixture.given(created, new UserMfaSetupStartedEvent(userId), new UserMfaEnabledEvent(userId, 10))
                .when(act(u -> u.disableMfa("code"))).expectEvents(new UserMfaDisabledEvent(userId, "code"));
        fixture.given(created, new UserMfaSetupStartedEvent(userId), new UserMfaEnabledEvent(userId, 10),
                new UserMfaDisabledEvent(userId, "code")).when(act(u -> u.enableMfa(10)))
                .expectExceptionMessage("No multi-factor setup is pending");
    }
}
