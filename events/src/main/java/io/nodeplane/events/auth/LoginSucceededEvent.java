package io.nodeplane.events.auth;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user proved their password and received an access token. */
@Revision("1")
public record LoginSucceededEvent(UUID userId, String email) implements AuthEvent {
}
