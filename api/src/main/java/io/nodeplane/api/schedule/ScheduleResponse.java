package io.nodeplane.api.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nodeplane.query.schedule.ScheduleView;
import java.time.Instant;
import java.util.UUID;

/** A scheduled task as the contract shows it (§2.1 scheduled_tasks, plus ownerName and targetTeamName). */
public record ScheduleResponse(UUID id, UUID workspaceId, UUID nodeId, String nodeName, UUID targetTeamId,
                        String targetTeamName, UUID templateId, String templateName, UUID ownerUserId, String ownerName,
                        String name, String command, boolean runAsRoot, String cadence, int minute, Integer hour,
                        Integer dayOfWeek, Integer intervalMinutes, String timezone, String timezoneSource,
                        @JsonProperty("isLegacy") boolean isLegacy, boolean enabled, Instant nextRunAt,
                        Instant lastRunAt, UUID lastRunTaskId, String lastError, Instant createdAt, Instant updatedAt) {

    public static ScheduleResponse of(ScheduleView s) {
        return new ScheduleResponse(s.id(), s.workspaceId(), s.nodeId(), s.nodeName(), s.targetTeamId(),
                s.targetTeamName(), s.templateId(), s.templateName(), s.ownerUserId(), s.ownerName(), s.name(), s.command(),
                s.runAsRoot(), s.cadence(), s.minute(), s.hour(), s.dayOfWeek(), s.intervalMinutes(), s.timezone(),
                "workspace", false, s.enabled(), s.nextRunAt(), s.lastRunAt(), s.lastRunTaskId(), s.lastError(),
                s.createdAt(), s.updatedAt());
    }
}
