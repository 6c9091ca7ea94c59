package io.nodeplane.projections.audit;

import static io.nodeplane.projections.audit.AuditEntries.after;
import static io.nodeplane.projections.audit.AuditEntries.changes;

import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDefinition;
import io.nodeplane.events.schedule.ScheduleDeletedEvent;
import io.nodeplane.events.schedule.ScheduleDisabledEvent;
import io.nodeplane.events.schedule.ScheduleEnabledEvent;
import io.nodeplane.events.schedule.ScheduleUpdatedEvent;
import io.nodeplane.projections.audit.AuditEntries.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Audit meaning of schedule events that people decide; runs of a schedule are operational events. */
final class ScheduleAuditEntries {

    private ScheduleAuditEntries() {
    }

    static Optional<Subject> subject(Object payload) {
        if (payload instanceof ScheduleCreatedEvent e) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("nodeId", e.nodeId() == null ? null : e.nodeId().toString());
            metadata.put("teamId", e.teamId() == null ? null : e.teamId().toString());
            metadata.put("timezone", e.timezone());
            return schedule(e.workspaceId(), e.teamId() == null ? "task-schedule.created" : "task-schedule.team-created",
                    e.scheduleId(), e.definition().name(), after(fields(e.definition())), metadata);
        }
        if (payload instanceof ScheduleUpdatedEvent e) {
            return schedule(e.workspaceId(), "task-schedule.updated", e.scheduleId(), e.after().name(),
                    changes(fields(e.before()), fields(e.after())), Map.of());
        }
        if (payload instanceof ScheduleEnabledEvent e) {
            return schedule(e.workspaceId(), "task-schedule.enabled", e.scheduleId(), e.name(), null, Map.of());
        }
        if (payload instanceof ScheduleDisabledEvent e) {
            return schedule(e.workspaceId(), "task-schedule.disabled", e.scheduleId(), e.name(), null, Map.of());
        }
        if (payload instanceof ScheduleDeletedEvent e) {
            return schedule(e.workspaceId(), "task-schedule.deleted", e.scheduleId(), e.name(), null, Map.of());
        }
        return Optional.empty();
    }

    private static Map<String, Object> fields(ScheduleDefinition d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", d.name());
        map.put("command", d.command());
        map.put("runAsRoot", d.runAsRoot());
        map.put("cadence", d.cadence());
        map.put("minute", d.minute());
        map.put("hour", d.hour());
        map.put("dayOfWeek", d.dayOfWeek());
        map.put("intervalMinutes", d.intervalMinutes());
        return map;
    }

    private static Optional<Subject> schedule(UUID workspaceId, String action, UUID scheduleId, String label,
                                              Map<String, Object> changes, Map<String, Object> metadata) {
        return Optional.of(new Subject("workspace", workspaceId, action, "task_schedule", scheduleId.toString(), label,
                changes, metadata));
    }
}
