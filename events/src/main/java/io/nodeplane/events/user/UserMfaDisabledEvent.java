package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user turned multi-factor sign-in off; the secret and every recovery code were deleted.
 *
 * @param proof how the user proved it was them: {@code "password"} or {@code "code"} (a TOTP code)
 */
@Revision("1")
public record UserMfaDisabledEvent(UUID userId, String proof) implements UserEvent {
}
