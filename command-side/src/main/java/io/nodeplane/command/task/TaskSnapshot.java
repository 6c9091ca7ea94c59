package io.nodeplane.command.task;

import io.nodeplane.events.task.TaskStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A task as its aggregate knows it right after a decision: what the agent endpoints answer with, so
 * an agent never waits for a projection (contract §1.5 "the whole task row"). JSON fields are text.
 */
public record TaskSnapshot(UUID id, UUID workspaceId, UUID nodeId, UUID targetTeamId, UUID templateId,
                           String templateName, String type, boolean internal, String payload, TaskStatus status,
                           String result, String output, boolean outputTruncated, Instant leaseUntil, UUID claimedBy,
                           UUID claimToken, Instant startedAt, Instant finishedAt, Instant cancelRequestedAt,
                           String cancelReason, Integer timeoutSeconds, Instant createdAt, Instant updatedAt) {
}
