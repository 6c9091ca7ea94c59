package io.nodeplane.query.schedule;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code scheduled_task_view} with the names of its owner, node and team. */
public record ScheduleView(UUID id, UUID workspaceId, UUID nodeId, String nodeName, UUID targetTeamId,
                           String targetTeamName, UUID templateId, String templateName, UUID ownerUserId,
                           String ownerName, String name, String command, boolean runAsRoot, String cadence,
                           int minute, Integer hour, Integer dayOfWeek, Integer intervalMinutes, String timezone,
                           boolean enabled, Instant nextRunAt, Instant lastRunAt, UUID lastRunTaskId, String lastError,
                           Instant createdAt, Instant updatedAt) {
}
