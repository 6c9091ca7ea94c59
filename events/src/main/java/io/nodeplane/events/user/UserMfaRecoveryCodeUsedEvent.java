package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A recovery code completed a sign-in in place of a TOTP code; it never works again.
 *
 * @param remaining unused recovery codes left
 */
@Revision("1")
public record UserMfaRecoveryCodeUsedEvent(UUID userId, int remaining) implements UserEvent {
}
