package io.nodeplane.projections.task;

import io.nodeplane.events.task.TaskCancelledEvent;
import io.nodeplane.events.task.TaskCompletedEvent;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.events.task.TaskFailedEvent;
import io.nodeplane.events.task.TaskStartedEvent;
import io.nodeplane.events.task.TaskStatus;
import io.nodeplane.projections.support.OperationalEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/** Task milestones in {@code event_view} (contract §2.1 {@code task.queued|started|completed|failed|cancelled}). */
@Component
@ProcessingGroup("event-view")
class TaskEventProjection {

    private final OperationalEvents events;

    TaskEventProjection(OperationalEvents events) {
        this.events = events;
    }

    @EventHandler
    void on(TaskCreatedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        if (e.origin() != null && e.origin().internal()) {
            return; // internal probes stay out of operators' lists
        }
        Map<String, Object> metadata = metadata(e.taskId().toString(), e.type());
        metadata.put("hostname", e.hostname());
        if (e.origin() != null && e.origin().scheduleId() != null) {
            metadata.put("scheduleId", e.origin().scheduleId().toString());
        }
        events.record(id, e.workspaceId(), e.nodeId(), "task.queued", "info",
                "Task " + e.type() + " queued on " + e.hostname(), metadata, at);
    }

    @EventHandler
    void on(TaskStartedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        events.record(id, e.workspaceId(), e.nodeId(), "task.started", "info", "Task " + e.type() + " started",
                metadata(e.taskId().toString(), e.type()), at);
    }

    @EventHandler
    void on(TaskCompletedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = metadata(e.taskId().toString(), e.type());
        metadata.put("exitCode", e.exitCode());
        metadata.put("reportedStatus", e.reportedStatus());
        if (e.status() == TaskStatus.SUCCESS) {
            events.record(id, e.workspaceId(), e.nodeId(), "task.completed", "info", "Task " + e.type() + " succeeded",
                    metadata, at);
        } else if (e.status() == TaskStatus.CANCELLED) {
            events.record(id, e.workspaceId(), e.nodeId(), "task.cancelled", "info", "Task " + e.type()
                    + " was cancelled", metadata, at);
        } else {
            events.record(id, e.workspaceId(), e.nodeId(), "task.failed", "warning", "Task " + e.type() + " failed"
                    + (e.exitCode() == null ? "" : " with exit code " + e.exitCode()), metadata, at);
        }
    }

    @EventHandler
    void on(TaskFailedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = metadata(e.taskId().toString(), e.type());
        metadata.put("reason", e.reason());
        metadata.put("previousStatus", e.previousStatus().wire());
        events.record(id, e.workspaceId(), e.nodeId(), "task.failed", "warning", e.message(), metadata, at);
    }

    @EventHandler
    void on(TaskCancelledEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = metadata(e.taskId().toString(), e.type());
        metadata.put("reason", e.reason());
        events.record(id, e.workspaceId(), e.nodeId(), "task.cancelled", "info",
                "Task " + e.type() + " was cancelled before it ran", metadata, at);
    }

    private static Map<String, Object> metadata(String taskId, String type) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("taskId", taskId);
        metadata.put("taskType", type);
        return metadata;
    }
}
