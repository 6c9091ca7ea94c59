package io.nodeplane.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent.Preferences;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private final UUID userId = UUID.randomUUID();
    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    private CreateUserCommand create(String email) {
        return new CreateUserCommand(userId, email, "Ada", UserRole.PLATFORM_ADMIN, true, null, "$2a$10$hash");
    }

    @Test
    void creatingAUserRecordsItWithoutAnyCredential() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new User(create(" ada@example.com ")))
                .expectEvents(new UserCreatedEvent(userId, "ada@example.com", "Ada", UserRole.PLATFORM_ADMIN, true, "UTC"));
    }

    @Test
    void rejectsAUserWithoutEmail() {
        assertThatThrownBy(() -> new User(create("  ")))
                .isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).kind()).isEqualTo(CommandRejectedException.Kind.BAD_REQUEST));
    }

    @Test
    void revokingSessionsMovesTheSessionVersionOnEachTime() {
        fixture.given(new UserCreatedEvent(userId, "ada@example.com", "Ada", UserRole.USER, true, "UTC"),
                        new UserSessionsRevokedEvent(userId, 1, "password-changed"))
                .when(new RevokeUserSessionsCommand(userId, null))
                .expectEvents(new UserSessionsRevokedEvent(userId, 2, "operator-request"));
    }

    @Test
    void commandToStringNeverShowsThePasswordHash() {
        assertThat(create("ada@example.com").toString()).doesNotContain("$2a$10$hash").contains("ada@example.com");
    }

    @Test
    void preferencesRecordBeforeAndAfterAndRejectUnknownZones() {
        UUID workspace = UUID.randomUUID();
        UserCreatedEvent created = new UserCreatedEvent(userId, "ada@example.com", "Ada", UserRole.USER, true, "UTC");
        fixture.given(created)
                .when(new UpdateUserPreferencesCommand(userId, "Europe/Istanbul", false, null, workspace))
                .expectEvents(new UserPreferencesUpdatedEvent(userId, new Preferences("UTC", true, true, null),
                        new Preferences("Europe/Istanbul", false, true, workspace)));
        fixture.given(created).when(new UpdateUserPreferencesCommand(userId, "UTC", true, true, null)).expectNoEvents();
        fixture.given(created).when(new UpdateUserPreferencesCommand(userId, "Nowhere/Else", null, null, null))
                .expectException(CommandRejectedException.class);
    }
}
