package io.nodeplane.events.auth;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An answer to a sign-in challenge was refused. The caller was told only that it was invalid; the
 * reason is kept here for auditors. Neither the code nor the challenge token is recorded.
 *
 * @param userId the challenged account, or {@code null} when the challenge was unknown
 * @param email  its address, or {@code null} when the challenge was unknown
 */
@Revision("1")
public record MfaVerificationFailedEvent(UUID userId, String email, MfaFailureReason reason) implements AuthEvent {
}
