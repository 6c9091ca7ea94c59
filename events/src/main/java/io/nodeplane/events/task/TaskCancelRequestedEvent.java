package io.nodeplane.events.task;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An operator asked a running task to stop; the agent sees it on its next control poll. */
@Revision("1")
public record TaskCancelRequestedEvent(UUID taskId, UUID workspaceId, UUID nodeId, String type, String reason,
                                       UUID byUserId) implements TaskEvent {
}
