package io.nodeplane.projections.schedule;

import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDeletedEvent;
import io.nodeplane.events.schedule.ScheduleFailedEvent;
import io.nodeplane.events.schedule.ScheduleTriggeredEvent;
import io.nodeplane.events.schedule.ScheduleUpdatedEvent;
import io.nodeplane.projections.support.OperationalEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/** Schedule milestones in {@code event_view} ({@code task.schedule.created|updated|deleted|triggered|failed}). */
@Component
@ProcessingGroup("event-view")
class ScheduleEventProjection {

    private final OperationalEvents events;

    ScheduleEventProjection(OperationalEvents events) {
        this.events = events;
    }

    @EventHandler
    void on(ScheduleCreatedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        events.record(id, e.workspaceId(), e.nodeId(), "task.schedule.created", "info",
                "Schedule " + e.definition().name() + " created (" + e.definition().cadence() + ")",
                metadata(e.scheduleId()), at);
    }

    @EventHandler
    void on(ScheduleUpdatedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        events.record(id, e.workspaceId(), null, "task.schedule.updated", "info",
                "Schedule " + e.after().name() + " updated", metadata(e.scheduleId()), at);
    }

    @EventHandler
    void on(ScheduleDeletedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        events.record(id, e.workspaceId(), null, "task.schedule.deleted", "info", "Schedule " + e.name() + " deleted",
                metadata(e.scheduleId()), at);
    }

    @EventHandler
    void on(ScheduleTriggeredEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = metadata(e.scheduleId());
        metadata.put("slot", e.slot().toString());
        metadata.put("taskIds", e.taskIds().stream().map(UUID::toString).toList());
        events.record(id, e.workspaceId(), null, "task.schedule.triggered", "info", "Schedule " + e.name()
                + " queued " + e.taskIds().size() + " task(s)", metadata, at);
    }

    @EventHandler
    void on(ScheduleFailedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = metadata(e.scheduleId());
        metadata.put("slot", e.slot().toString());
        metadata.put("error", e.error());
        events.record(id, e.workspaceId(), null, "task.schedule.failed", "warning", "Schedule " + e.name()
                + " could not run: " + e.error(), metadata, at);
    }

    private static Map<String, Object> metadata(UUID scheduleId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("scheduleId", scheduleId.toString());
        return metadata;
    }
}
