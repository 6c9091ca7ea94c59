package io.nodeplane.events.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A new set of recovery codes replaced every earlier one (used or not). Only their hashes are stored.
 *
 * @param recoveryCodes how many codes the new set has
 */
@Revision("1")
public record UserMfaRecoveryCodesRegeneratedEvent(UUID userId, int recoveryCodes) implements UserEvent {
}
