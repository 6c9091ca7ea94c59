package io.nodeplane.projections.user;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.user.UserCreatedEvent;
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

    @ResetHandler
    void reset() {
        write(users.deleteAll());
    }

    private static String role(UserCreatedEvent event) {
        return event.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
