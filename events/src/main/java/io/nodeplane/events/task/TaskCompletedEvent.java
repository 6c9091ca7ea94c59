package io.nodeplane.events.task;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The agent reported the end of a running task. {@code status} is the stored terminal status
 * ({@code success|failed|cancelled}), {@code reportedStatus} what the agent sent (e.g. {@code timeout});
 * {@code result} is a JSON object as text; {@code output} is at most 8000 characters.
 */
@Revision("1")
public record TaskCompletedEvent(UUID taskId, UUID workspaceId, UUID nodeId, String type, TaskStatus status,
                                 String reportedStatus, Instant finishedAt, Integer exitCode, String result,
                                 String output, boolean outputTruncated) implements TaskEvent {
}
