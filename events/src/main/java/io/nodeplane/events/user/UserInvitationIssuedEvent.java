package io.nodeplane.events.user;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A one-time activation link was issued to a pending user (on creation, or again on resend, which
 * revokes every earlier link). The token itself is never part of an event: only its hash is stored,
 * apart from the event store.
 *
 * @param expiresAt when the link stops being accepted
 * @param resend    {@code true} when an earlier link was rotated
 */
@Revision("1")
public record UserInvitationIssuedEvent(UUID userId, Instant expiresAt, boolean resend) implements UserEvent {
}
