package io.nodeplane.events.enrollment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A pending enrollment can no longer be approved.
 *
 * @param reason {@code superseded} (a newer request for the same e-mail and hostname) or {@code expired}
 */
@Revision("1")
public record EnrollmentRevokedEvent(UUID enrollmentId, String email, String hostname, String reason)
        implements EnrollmentEvent {
}
