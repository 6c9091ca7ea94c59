package io.nodeplane.projections.schedule;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDefinition;
import io.nodeplane.events.schedule.ScheduleDeletedEvent;
import io.nodeplane.events.schedule.ScheduleDisabledEvent;
import io.nodeplane.events.schedule.ScheduleEnabledEvent;
import io.nodeplane.events.schedule.ScheduleFailedEvent;
import io.nodeplane.events.schedule.ScheduleRescheduledEvent;
import io.nodeplane.events.schedule.ScheduleTriggeredEvent;
import io.nodeplane.events.schedule.ScheduleUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.query.schedule.ScheduleViewRepository;
import io.nodeplane.query.schedule.ScheduleViewRepository.Definition;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code scheduled_task_view}. */
@Component
@ProcessingGroup("scheduled-task-view")
class ScheduleViewProjection {

    private final ScheduleViewRepository schedules;

    ScheduleViewProjection(ScheduleViewRepository schedules) {
        this.schedules = schedules;
    }

    @EventHandler
    void on(ScheduleCreatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.insert(e.scheduleId(), e.workspaceId(), e.nodeId(), e.teamId(), e.ownerUserId(),
                row(e.definition()), e.timezone(), e.nextRunAt(), at, seq));
    }

    @EventHandler
    void on(ScheduleUpdatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.define(e.scheduleId(), row(e.after()), e.nextRunAt(), at, seq));
    }

    @EventHandler
    void on(ScheduleEnabledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.enabled(e.scheduleId(), e.nextRunAt(), at, seq));
    }

    @EventHandler
    void on(ScheduleDisabledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.enabled(e.scheduleId(), null, at, seq));
    }

    @EventHandler
    void on(ScheduleTriggeredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.ran(e.scheduleId(), e.slot(), e.taskIds().isEmpty() ? null : e.taskIds().get(0),
                e.taskIds().isEmpty() ? "No node of the team could take the task" : null, e.nextRunAt(), at, seq));
    }

    @EventHandler
    void on(ScheduleFailedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.ran(e.scheduleId(), e.slot(), null, e.error(), e.nextRunAt(), at, seq));
    }

    @EventHandler
    void on(ScheduleRescheduledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(schedules.timezone(e.scheduleId(), e.timezone(), e.nextRunAt(), at, seq));
    }

    @EventHandler
    void on(ScheduleDeletedEvent e) {
        write(schedules.delete(e.scheduleId()));
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        write(schedules.deleteWorkspace(e.workspaceId()));
    }

    @ResetHandler
    void reset() {
        write(schedules.deleteAll());
    }

    private static Definition row(ScheduleDefinition d) {
        return new Definition(d.name(), d.command(), d.runAsRoot(), d.cadence(), d.minute(), d.hour(), d.dayOfWeek(),
                d.intervalMinutes());
    }
}
