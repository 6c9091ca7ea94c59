package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user's password changed. The hash is stored apart from the event store; this event only
 * records that, and how, it happened.
 *
 * @param reason {@code "change"} (the user gave their current password) or {@code "reset"} (a reset link)
 */
@Revision("1")
public record UserPasswordChangedEvent(UUID userId, String reason) implements UserEvent {
}
