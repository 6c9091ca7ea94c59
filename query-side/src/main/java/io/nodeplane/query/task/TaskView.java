package io.nodeplane.query.task;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code task_view} (contract §2.1 tasks), JSON columns as text. */
public record TaskView(UUID id, UUID workspaceId, UUID nodeId, UUID targetTeamId, String targetTeamName,
                       UUID templateId, String templateName, UUID scheduleId, String type, boolean internal,
                       String payload, String status, String result, String output, boolean outputTruncated,
                       Instant leaseUntil, UUID claimedBy, UUID claimToken, Instant startedAt, Instant finishedAt,
                       Instant cancelRequestedAt, String cancelReason, Integer timeoutSeconds, UUID createdByUserId,
                       Instant createdAt, Instant updatedAt) {
}
