package io.nodeplane.events.task;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A task was queued for a node. {@code payload} is the task's JSON object as text (kept verbatim so
 * a replay hands the agent exactly what was asked for); {@code byUserId} is null for system tasks.
 */
@Revision("1")
public record TaskCreatedEvent(UUID taskId, UUID workspaceId, UUID nodeId, String hostname, String type, String payload,
                               Integer timeoutSeconds, TaskOrigin origin, UUID byUserId) implements TaskEvent {
}
