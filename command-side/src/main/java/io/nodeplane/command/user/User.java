package io.nodeplane.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent.Preferences;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user account. Its state is rebuilt from its events; credentials live outside the event store. */
@Aggregate
class User {

    @AggregateIdentifier
    private UUID userId;
    private int sessionVersion;
    private boolean active;
    private Preferences preferences;

    User() {
        // for Axon
    }

    /** Creation is decided by {@link UserCommandHandler}, which first claims the e-mail address. */
    User(CreateUserCommand command) {
        if (command.email() == null || command.email().isBlank()) {
            throw new CommandRejectedException(Kind.BAD_REQUEST, "USER_EMAIL_REQUIRED", "email is required");
        }
        apply(new UserCreatedEvent(command.userId(), command.email().trim(), command.name(), command.role(),
                command.active(), command.timezone() == null ? "UTC" : command.timezone()));
    }

    @CommandHandler
    void handle(RevokeUserSessionsCommand command) {
        apply(new UserSessionsRevokedEvent(userId, sessionVersion + 1,
                command.reason() == null ? "operator-request" : command.reason()));
    }

    @EventSourcingHandler
    void on(UserCreatedEvent event) {
        this.userId = event.userId();
        this.sessionVersion = 0;
        this.active = event.active();
        this.preferences = new Preferences(event.timezone(), true, true, null);
    }

    @CommandHandler
    void handle(UpdateUserPreferencesCommand c) {
        String zone = c.timezone() == null ? preferences.timezone() : c.timezone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw CommandRejectedException.badRequest("USER_TIMEZONE_INVALID", "timezone must be an IANA time zone");
        }
        Preferences next = new Preferences(zone,
                c.criticalEventEmailsEnabled() == null ? preferences.criticalEventEmailsEnabled() : c.criticalEventEmailsEnabled(),
                c.enrollmentEmailsEnabled() == null ? preferences.enrollmentEmailsEnabled() : c.enrollmentEmailsEnabled(),
                c.defaultWorkspaceId() == null ? preferences.defaultWorkspaceId() : c.defaultWorkspaceId());
        if (!next.equals(preferences)) {
            apply(new UserPreferencesUpdatedEvent(userId, preferences, next));
        }
    }

    /** Only active users who accepted their invitation may be given workspace or team memberships. */
    boolean canJoinWorkspaces() {
        return active;
    }

    @EventSourcingHandler
    void on(UserPreferencesUpdatedEvent event) {
        this.preferences = event.after();
    }

    @EventSourcingHandler
    void on(UserSessionsRevokedEvent event) {
        this.sessionVersion = event.sessionVersion();
    }
}
