package io.nodeplane.command.task;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.events.task.TaskCancelRequestedEvent;
import io.nodeplane.events.task.TaskCancelledEvent;
import io.nodeplane.events.task.TaskClaimedEvent;
import io.nodeplane.events.task.TaskCompletedEvent;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.events.task.TaskEvent;
import io.nodeplane.events.task.TaskFailedEvent;
import io.nodeplane.events.task.TaskLeaseExpiredEvent;
import io.nodeplane.events.task.TaskStartedEvent;
import io.nodeplane.events.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One task on one node: the single arbiter of its lifecycle (contract §1.6, §2.2). Every agent call
 * repeated under retries gets the same answer and causes no second event.
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private UUID taskId;
    private final TaskState s = new TaskState();

    Task() {
        // for Axon
    }

    Task(TaskCreatedEvent created) {
        apply(created);
    }

    TaskSnapshot snapshot() {
        return s.snapshot();
    }

    TaskSnapshot claim(UUID node, UUID claimToken, Instant now, Instant leaseUntil) {
        ownedBy(node);
        boolean reclaim = s.leaseExpired(now);
        if (s.cancelRequestedAt != null || (s.status != TaskStatus.QUEUED && !reclaim)) {
            throw conflict("TASK_NOT_CLAIMABLE", "Task " + taskId + " is " + s.status.wire() + " and cannot be claimed");
        }
        apply(new TaskClaimedEvent(taskId, s.workspaceId, s.nodeId, claimToken, leaseUntil, reclaim));
        return s.snapshot();
    }

    /** {@code accepted}: the claim already accepted the task, so this only refuses a task never claimed. */
    TaskStatus acknowledge(UUID node) {
        ownedBy(node);
        if (s.status == TaskStatus.QUEUED) {
            throw conflict("TASK_NOT_CLAIMED", "Task " + taskId + " is in queued state and cannot be accepted");
        }
        return s.status;
    }

    TaskSnapshot start(UUID node, Instant startedAt, Instant now) {
        ownedBy(node);
        if (s.status == TaskStatus.RUNNING) {
            return s.snapshot();
        }
        if (s.status.terminal()) {
            throw conflict("TASK_FINISHED", "Task " + taskId + " is already " + s.status.wire() + " and cannot be started");
        }
        if (s.status == TaskStatus.QUEUED) {
            throw conflict("TASK_NOT_CLAIMED", "Task " + taskId + " must be accepted before it can be started");
        }
        if (s.leaseExpired(now)) {
            throw conflict("TASK_LEASE_EXPIRED", "Task " + taskId + " lease expired before started transition");
        }
        apply(new TaskStartedEvent(taskId, s.workspaceId, s.nodeId, s.created.type(), startedAt));
        return s.snapshot();
    }

    TaskSnapshot complete(UUID node, Completion c) {
        ownedBy(node);
        if (s.status.terminal()) {
            if (s.status == c.status()) {
                return s.snapshot();
            }
            throw conflict("TASK_FINISHED", "Task " + taskId + " is already " + s.status.wire()
                    + " and cannot transition to " + c.status().wire());
        }
        if (s.status != TaskStatus.RUNNING) {
            throw conflict("TASK_NOT_STARTED", "Task " + taskId + " is in " + s.status.wire()
                    + " state and cannot be completed before it is started");
        }
        apply(new TaskCompletedEvent(taskId, s.workspaceId, s.nodeId, s.created.type(), c.status(), c.reportedStatus(),
                c.finishedAt(), c.exitCode(), c.result(), c.output(), c.outputTruncated()));
        return s.snapshot();
    }

    TaskSnapshot cancel(String reason, UUID byUserId) {
        if (s.status.terminal()) {
            throw conflict("TASK_FINISHED", "Task " + taskId + " is already " + s.status.wire() + " and cannot be cancelled");
        }
        if (s.status == TaskStatus.RUNNING) {
            if (s.cancelRequestedAt == null) {
                apply(new TaskCancelRequestedEvent(taskId, s.workspaceId, s.nodeId, s.created.type(), reason, byUserId));
            }
        } else {
            apply(new TaskCancelledEvent(taskId, s.workspaceId, s.nodeId, s.created.type(), s.status, reason,
                    TaskResults.cancelledBeforeRun(reason), byUserId));
        }
        return s.snapshot();
    }

    /** Re-queues a claimed task whose lease ended; {@code false} when there was nothing to do. */
    boolean expireLease(Instant now) {
        if (!s.leaseExpired(now)) {
            return false;
        }
        apply(new TaskLeaseExpiredEvent(taskId, s.workspaceId, s.nodeId, s.leaseUntil));
        return true;
    }

    /** Fails a task stuck queued (not on a node in maintenance) or running for too long (§2.2). */
    boolean failIfStale(Instant now, Duration queuedTimeout, Duration runningTimeout, boolean nodeInMaintenance) {
        boolean queuedTooLong = s.status == TaskStatus.QUEUED && !nodeInMaintenance
                && !s.createdAt.plus(queuedTimeout).isAfter(now);
        boolean runningTooLong = s.status == TaskStatus.RUNNING && !s.runningSince.plus(runningTimeout).isAfter(now);
        if (!queuedTooLong && !runningTooLong) {
            return false;
        }
        long seconds = (queuedTooLong ? queuedTimeout : runningTimeout).toSeconds();
        String message = "Task " + taskId + (queuedTooLong ? " stayed queued" : " ran") + " for more than " + seconds
                + " seconds";
        apply(new TaskFailedEvent(taskId, s.workspaceId, s.nodeId, s.created.type(), s.status, "stale-timeout", message,
                TaskResults.stale(s.status, message)));
        return true;
    }

    private void ownedBy(UUID node) {
        if (!s.nodeId.equals(node)) {
            throw notFound("TASK_NOT_FOUND", "Task " + taskId + " was not found for node " + node);
        }
    }

    @EventSourcingHandler
    void on(TaskEvent event, @Timestamp Instant at) {
        taskId = event.taskId();
        s.evolve(event, at);
    }
}
