package io.nodeplane.events.enrollment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An operator approved an enrollment into a workspace, creating the node. */
@Revision("1")
public record EnrollmentApprovedEvent(UUID enrollmentId, UUID workspaceId, UUID nodeId, String nodeName,
                                      String hostname) implements EnrollmentEvent {
}
