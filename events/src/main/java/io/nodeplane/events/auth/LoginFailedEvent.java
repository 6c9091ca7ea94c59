package io.nodeplane.events.auth;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A sign-in attempt was refused. The caller was told only "invalid credentials"; the reason is
 * kept here for auditors.
 *
 * @param userId the matching account, or {@code null} when no account has this address
 */
@Revision("1")
public record LoginFailedEvent(UUID userId, String email, LoginFailureReason reason) implements AuthEvent {
}
