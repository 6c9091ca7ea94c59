package io.nodeplane.events.task;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator cancelled a task before it ran ({@code previousStatus} queued, accepted or claimed);
 * {@code result} is the stored result object as JSON text ({@code reason: cancel-requested-before-run}).
 */
@Revision("1")
public record TaskCancelledEvent(UUID taskId, UUID workspaceId, UUID nodeId, String type, TaskStatus previousStatus,
                                 String reason, String result, UUID byUserId) implements TaskEvent {
}
