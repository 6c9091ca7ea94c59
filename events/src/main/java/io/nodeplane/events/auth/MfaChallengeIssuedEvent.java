package io.nodeplane.events.auth;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A user with multi-factor sign-in proved their password and received a short-lived challenge to
 * answer with a TOTP or recovery code. The challenge token is never part of an event.
 */
@Revision("1")
public record MfaChallengeIssuedEvent(UUID userId, String email) implements AuthEvent {
}
