package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A platform admin changed a user's profile, role or active state; both states are kept for the audit log. */
@Revision("1")
public record UserUpdatedEvent(UUID userId, Profile before, Profile after) implements UserEvent {

    /** What a platform admin may change about a user. */
    public record Profile(String name, UserRole role, boolean active) {
    }
}
