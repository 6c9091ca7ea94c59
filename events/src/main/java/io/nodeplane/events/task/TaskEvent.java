package io.nodeplane.events.task;

import java.util.UUID;

/** Events of the task context; each belongs to one {@code Task} aggregate, which runs on one node. */
public sealed interface TaskEvent permits TaskCreatedEvent, TaskClaimedEvent, TaskStartedEvent, TaskCompletedEvent,
        TaskCancelRequestedEvent, TaskCancelledEvent, TaskLeaseExpiredEvent, TaskFailedEvent {
    UUID taskId();

    UUID workspaceId();

    UUID nodeId();
}
