package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A user account was created. The password (if any) is stored apart from the event store, so this
 * event carries no credential.
 *
 * @param email      the address as entered; uniqueness is case-insensitive
 * @param active     whether the user may sign in right away
 * @param timezone   IANA zone used to display times to this user
 */
@Revision("1")
public record UserCreatedEvent(
        UUID userId, String email, String name, UserRole role, boolean active, String timezone)
        implements UserEvent {
}
