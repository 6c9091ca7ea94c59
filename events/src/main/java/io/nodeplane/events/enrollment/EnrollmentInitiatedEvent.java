package io.nodeplane.events.enrollment;

import io.nodeplane.events.node.AgentInfo;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An agent asked to join. No node exists yet; the token it holds is stored hashed, never here. */
@Revision("1")
public record EnrollmentInitiatedEvent(UUID enrollmentId, String email, String hostname, AgentInfo agent,
                                       Instant expiresAt) implements EnrollmentEvent {
}
