package io.nodeplane.events.task;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The agent started running the task at {@code startedAt} (the agent's clock); the claim lease ends. */
@Revision("1")
public record TaskStartedEvent(UUID taskId, UUID workspaceId, UUID nodeId, String type, Instant startedAt)
        implements TaskEvent {
}
