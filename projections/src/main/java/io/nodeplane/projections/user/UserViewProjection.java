package io.nodeplane.projections.user;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserDeletedEvent;
import io.nodeplane.events.user.UserInvitationAcceptedEvent;
import io.nodeplane.events.user.UserInvitationIssuedEvent;
import io.nodeplane.events.user.UserMfaDisabledEvent;
import io.nodeplane.events.user.UserMfaEnabledEvent;
import io.nodeplane.events.user.UserUpdatedEvent;
import io.nodeplane.events.user.UserPreferencesUpdatedEvent;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import io.nodeplane.projections.support.AccessChanges;
import io.nodeplane.query.user.UserViewRepository;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code user_view}. */
@Component
@ProcessingGroup("user-view")
class UserViewProjection {

    private final UserViewRepository users;
    private final AccessChanges access;

    UserViewProjection(UserViewRepository users, AccessChanges access) {
        this.users = users;
        this.access = access;
    }

    @EventHandler
    void on(UserCreatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(users.insert(event.userId(), event.email(), event.name(), role(event), event.active(),
                event.timezone(), at, seq));
    }

    @EventHandler
    void on(UserSessionsRevokedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(users.updateSessionVersion(event.userId(), event.sessionVersion(), at, seq));
        access.narrowed(event.userId(), null);
    }

    @EventHandler
    void on(UserPreferencesUpdatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        var p = event.after();
        write(users.updatePreferences(event.userId(), p.timezone(), p.criticalEventEmailsEnabled(),
                p.enrollmentEmailsEnabled(), p.defaultWorkspaceId(), at, seq));
    }

    @EventHandler
    void on(UserInvitationIssuedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(users.updateInvitation(event.userId(), at, seq));
    }

    @EventHandler
    void on(UserInvitationAcceptedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(users.acceptInvitation(event.userId(), event.name(), at, seq));
    }

    @EventHandler
    void on(UserUpdatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        var p = event.after();
        write(users.updateProfile(event.userId(), p.name(), p.role().name().toLowerCase(java.util.Locale.ROOT),
                p.active(), at, seq));
        if (!p.active()) {
            access.narrowed(event.userId(), null);
        }
    }

    @EventHandler
    void on(UserMfaEnabledEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(users.updateMfa(event.userId(), at, at, seq));
    }

    @EventHandler
    void on(UserMfaDisabledEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(users.updateMfa(event.userId(), null, at, seq));
    }

    @EventHandler
    void on(UserDeletedEvent event) {
        write(users.delete(event.userId()));
        access.narrowed(event.userId(), null);
    }

    @ResetHandler
    void reset() {
        write(users.deleteAll());
    }

    private static String role(UserCreatedEvent event) {
        return event.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
