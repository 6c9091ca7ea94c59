package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The invited user followed their link and chose a password: the account is active from now on.
 *
 * @param name the name the user confirmed (the invited name when they gave none)
 */
@Revision("1")
public record UserInvitationAcceptedEvent(UUID userId, String name) implements UserEvent {
}
