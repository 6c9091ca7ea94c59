package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A TOTP code confirmed the pending secret: signing in now needs a second factor. The recovery codes
 * handed out once with it are stored only as hashes, apart from the event store.
 *
 * @param recoveryCodes how many recovery codes were issued
 */
@Revision("1")
public record UserMfaEnabledEvent(UUID userId, int recoveryCodes) implements UserEvent {
}
