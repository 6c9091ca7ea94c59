package io.nodeplane.events.task;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A claimed task was not started before its lease ended; it is queued again for the node. */
@Revision("1")
public record TaskLeaseExpiredEvent(UUID taskId, UUID workspaceId, UUID nodeId, Instant leaseUntil)
        implements TaskEvent {
}
