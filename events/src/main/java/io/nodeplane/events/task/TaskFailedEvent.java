package io.nodeplane.events.task;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The server gave up on a task (contract §2.2 stale detection: queued or running for too long);
 * {@code reason} is e.g. {@code stale-timeout}; {@code result} is the stored result object as JSON text.
 */
@Revision("1")
public record TaskFailedEvent(UUID taskId, UUID workspaceId, UUID nodeId, String type, TaskStatus previousStatus,
                              String reason, String message, String result) implements TaskEvent {
}
