package io.nodeplane.command.task;

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
import java.time.Instant;
import java.util.UUID;

/** The task's state, evolved by its events; kept apart from the decisions in {@link Task}. */
final class TaskState {

    UUID id;
    UUID workspaceId;
    UUID nodeId;
    TaskCreatedEvent created;
    TaskStatus status;
    String result;
    String output;
    boolean outputTruncated;
    Instant leaseUntil;
    UUID claimToken;
    Instant startedAt;
    /** Server time the task started running: stale detection never trusts the agent's clock. */
    Instant runningSince;
    Instant finishedAt;
    Instant cancelRequestedAt;
    String cancelReason;
    Instant createdAt;
    Instant updatedAt;

    void evolve(TaskEvent event, Instant at) {
        updatedAt = at;
        if (event instanceof TaskCreatedEvent e) {
            id = e.taskId();
            workspaceId = e.workspaceId();
            nodeId = e.nodeId();
            created = e;
            status = TaskStatus.QUEUED;
            createdAt = at;
        } else if (event instanceof TaskClaimedEvent e) {
            status = TaskStatus.ACCEPTED;
            claimToken = e.claimToken();
            leaseUntil = e.leaseUntil();
        } else if (event instanceof TaskStartedEvent e) {
            status = TaskStatus.RUNNING;
            startedAt = e.startedAt();
            runningSince = at;
            leaseUntil = null;
            claimToken = null;
        } else if (event instanceof TaskCompletedEvent e) {
            status = e.status();
            finishedAt = e.finishedAt();
            result = e.result();
            output = e.output();
            outputTruncated = e.outputTruncated();
        } else if (event instanceof TaskCancelRequestedEvent e) {
            cancelRequestedAt = at;
            cancelReason = e.reason();
        } else if (event instanceof TaskCancelledEvent e) {
            end(TaskStatus.CANCELLED, at);
            cancelRequestedAt = at;
            cancelReason = e.reason();
            result = e.result();
        } else if (event instanceof TaskLeaseExpiredEvent) {
            status = TaskStatus.QUEUED;
            leaseUntil = null;
            claimToken = null;
        } else if (event instanceof TaskFailedEvent e) {
            end(TaskStatus.FAILED, at);
            result = e.result();
        }
    }

    private void end(TaskStatus terminal, Instant at) {
        status = terminal;
        finishedAt = at;
        leaseUntil = null;
        claimToken = null;
    }

    boolean leaseExpired(Instant now) {
        return (status == TaskStatus.ACCEPTED || status == TaskStatus.CLAIMED) && leaseUntil != null
                && !leaseUntil.isAfter(now);
    }

    TaskSnapshot snapshot() {
        var o = created.origin();
        return new TaskSnapshot(id, workspaceId, nodeId, o.targetTeamId(), o.templateId(), o.templateName(),
                created.type(), o.internal(), created.payload(), status, result, output, outputTruncated, leaseUntil,
                claimToken == null ? null : nodeId, claimToken, startedAt, finishedAt, cancelRequestedAt, cancelReason,
                created.timeoutSeconds(), createdAt, updatedAt);
    }
}
