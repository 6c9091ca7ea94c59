package io.nodeplane.events.user;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A password reset link was issued to an active user (earlier unused links were revoked). The token
 * is never part of an event.
 *
 * @param expiresAt when the link stops being accepted
 */
@Revision("1")
public record UserPasswordResetRequestedEvent(UUID userId, Instant expiresAt) implements UserEvent {
}
