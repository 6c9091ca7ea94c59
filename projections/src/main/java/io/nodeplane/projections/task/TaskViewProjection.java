package io.nodeplane.projections.task;

import static io.nodeplane.projections.support.ProjectionWrites.changed;
import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.task.TaskCancelRequestedEvent;
import io.nodeplane.events.task.TaskCancelledEvent;
import io.nodeplane.events.task.TaskClaimedEvent;
import io.nodeplane.events.task.TaskCompletedEvent;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.events.task.TaskFailedEvent;
import io.nodeplane.events.task.TaskLeaseExpiredEvent;
import io.nodeplane.events.task.TaskOrigin;
import io.nodeplane.events.task.TaskStartedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.projections.support.ProjectionWrites.Announcer;
import io.nodeplane.query.realtime.RealtimeBus;
import io.nodeplane.query.task.TaskQueryService;
import io.nodeplane.query.task.TaskViewRepository;
import io.nodeplane.query.task.TaskViewRepository.NewTask;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code task_view}; output lines ({@code task_log}) are telemetry and are not touched here.
 * Announces {@code task.created} and {@code task.updated} with the stored row.
 */
@Component
@ProcessingGroup("task-view")
class TaskViewProjection {

    private final TaskViewRepository tasks;
    private final Announcer<UUID> created;
    private final Announcer<UUID> updated;

    TaskViewProjection(TaskViewRepository tasks, TaskQueryService query, RealtimeBus bus) {
        this.tasks = tasks;
        this.created = announcer(query, bus, RealtimeBus.TASK_CREATED);
        this.updated = announcer(query, bus, RealtimeBus.TASK_UPDATED);
    }

    private static Announcer<UUID> announcer(TaskQueryService query, RealtimeBus bus, String type) {
        return ids -> query.byIds(ids).doOnNext(t -> bus.publish(type, t.workspaceId(), t.nodeId(), t)).then();
    }

    @EventHandler
    void on(TaskCreatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        TaskOrigin o = e.origin() == null ? TaskOrigin.DIRECT : e.origin();
        write(tasks.insert(new NewTask(e.taskId(), e.workspaceId(), e.nodeId(), o.targetTeamId(), o.templateId(),
                o.templateName(), o.scheduleId(), e.type(), o.internal(), e.payload(), e.timeoutSeconds(), e.byUserId()),
                at, seq));
        changed(created, e.taskId());
    }

    @EventHandler
    void on(TaskClaimedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.claimed(e.taskId(), e.nodeId(), e.claimToken(), e.leaseUntil(), at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(TaskStartedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.started(e.taskId(), e.startedAt(), at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(TaskCompletedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.finished(e.taskId(), e.status().wire(), e.finishedAt(), e.result(), e.output(),
                e.outputTruncated(), at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(TaskFailedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.finished(e.taskId(), "failed", at, e.result(), null, false, at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(TaskCancelRequestedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.cancelRequested(e.taskId(), e.reason(), at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(TaskCancelledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.cancelled(e.taskId(), e.reason(), e.result(), at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(TaskLeaseExpiredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(tasks.requeued(e.taskId(), at, seq));
        changed(updated, e.taskId());
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        write(tasks.deleteWorkspace(e.workspaceId()));
    }

    @ResetHandler
    void reset() {
        write(tasks.deleteAll());
    }
}
