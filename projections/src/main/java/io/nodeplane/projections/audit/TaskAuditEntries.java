package io.nodeplane.projections.audit;

import io.nodeplane.events.task.TaskCancelRequestedEvent;
import io.nodeplane.events.task.TaskCancelledEvent;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.projections.audit.AuditEntries.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Audit meaning of task events: what people decided (create, cancel). What agents and the server do
 * to a task afterwards is in the task itself and in {@code event_view}, not in the audit log.
 */
final class TaskAuditEntries {

    private TaskAuditEntries() {
    }

    static Optional<Subject> subject(Object payload) {
        if (payload instanceof TaskCreatedEvent e && e.byUserId() != null) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("nodeId", e.nodeId().toString());
            metadata.put("hostname", e.hostname());
            if (e.origin() != null && e.origin().targetTeamId() != null) {
                metadata.put("teamId", e.origin().targetTeamId().toString());
            }
            return task(e.workspaceId(), "task.created", e.taskId(), e.type(), metadata);
        }
        if (payload instanceof TaskCancelledEvent e && e.byUserId() != null) {
            return task(e.workspaceId(), "task.cancelled", e.taskId(), e.type(), reason(e.nodeId(), e.reason()));
        }
        if (payload instanceof TaskCancelRequestedEvent e && e.byUserId() != null) {
            return task(e.workspaceId(), "task.cancel.requested", e.taskId(), e.type(), reason(e.nodeId(), e.reason()));
        }
        return TaskTemplateAuditEntries.subject(payload);
    }

    private static Map<String, Object> reason(UUID nodeId, String reason) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("nodeId", nodeId.toString());
        metadata.put("reason", reason);
        return metadata;
    }

    private static Optional<Subject> task(UUID workspaceId, String action, UUID taskId, String label,
                                          Map<String, Object> metadata) {
        return Optional.of(new Subject("workspace", workspaceId, action, "task", taskId.toString(), label, null, metadata));
    }
}
