package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user was deleted (they had no workspace or team memberships and owned no schedule); their
 * e-mail address is free again.
 */
@Revision("1")
public record UserDeletedEvent(UUID userId, String email) implements UserEvent {
}
