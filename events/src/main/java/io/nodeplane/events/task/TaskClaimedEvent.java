package io.nodeplane.events.task;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The node's agent claimed the task (status {@code accepted}) until {@code leaseUntil}; a claim of a
 * task whose earlier lease had expired carries {@code reclaimed = true}.
 */
@Revision("1")
public record TaskClaimedEvent(UUID taskId, UUID workspaceId, UUID nodeId, UUID claimToken, Instant leaseUntil,
                               boolean reclaimed) implements TaskEvent {
}
