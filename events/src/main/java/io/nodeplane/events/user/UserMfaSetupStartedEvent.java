package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user asked for a new TOTP secret; it stays pending until a code proves the authenticator app
 * holds it. The secret itself is stored encrypted apart from the event store, never in an event.
 */
@Revision("1")
public record UserMfaSetupStartedEvent(UUID userId) implements UserEvent {
}
