package io.nodeplane.command.task;

import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.node.NodeDirectory;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.task.TaskCommands.AcknowledgeTaskCommand;
import io.nodeplane.command.task.TaskCommands.CancelTaskCommand;
import io.nodeplane.command.task.TaskCommands.ClaimTaskCommand;
import io.nodeplane.command.task.TaskCommands.CompleteTaskCommand;
import io.nodeplane.command.task.TaskCommands.CreateTasksCommand;
import io.nodeplane.command.task.TaskCommands.ExpireTaskLeaseCommand;
import io.nodeplane.command.task.TaskCommands.FailStaleTaskCommand;
import io.nodeplane.command.task.TaskCommands.StartTaskCommand;
import io.nodeplane.command.task.TaskCommands.TaskRun;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.task.TaskStatus;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Task commands: creation checks what a task cannot know (workspace writable, node in the workspace,
 * not in maintenance, root allowed by the applied profile), then each task decides its own lifecycle.
 */
@Component
class TaskCommandHandler {

    private final Repository<Task> tasks;
    private final WorkspaceDirectory workspaces;
    private final NodeDirectory nodes;
    private final TaskQueueSignal signal;
    private final Clock clock;
    private final TaskCreation creation;

    TaskCommandHandler(Repository<Task> tasks, WorkspaceDirectory workspaces, NodeDirectory nodes,
                       TaskQueueSignal signal, Clock clock, TaskCreation creation) {
        this.creation = creation;
        this.tasks = tasks;
        this.workspaces = workspaces;
        this.nodes = nodes;
        this.signal = signal;
        this.clock = clock;
    }

    @CommandHandler
    TaskRun handle(CreateTasksCommand c) throws Exception {
        return creation.create(c);
    }

    @CommandHandler
    TaskSnapshot handle(ClaimTaskCommand c) {
        java.time.Instant now = clock.instant();
        return load(c.taskId(), c.nodeId()).invoke(t -> t.claim(c.nodeId(), c.claimToken(), now, now.plus(c.lease())));
    }

    @CommandHandler
    TaskStatus handle(AcknowledgeTaskCommand c) {
        return load(c.taskId(), c.nodeId()).invoke(t -> t.acknowledge(c.nodeId()));
    }

    @CommandHandler
    TaskSnapshot handle(StartTaskCommand c) {
        java.time.Instant now = clock.instant();
        return load(c.taskId(), c.nodeId()).invoke(t -> t.start(c.nodeId(), c.startedAt() == null ? now : c.startedAt(), now));
    }

    @CommandHandler
    TaskSnapshot handle(CompleteTaskCommand c) {
        Completion completion = TaskResults.completion(c, clock.instant());
        return load(c.taskId(), c.nodeId()).invoke(t -> t.complete(c.nodeId(), completion));
    }

    @CommandHandler
    TaskSnapshot handle(CancelTaskCommand c) {
        Aggregate<Task> task = load(c.taskId(), null);
        TaskSnapshot current = task.invoke(Task::snapshot);
        if (c.workspaceId() != null && !c.workspaceId().equals(current.workspaceId())) {
            throw missing(c.taskId(), null);
        }
        workspaces.requireWritable(current.workspaceId());
        return task.invoke(t -> t.cancel(c.reason(), c.byUserId()));
    }

    @CommandHandler
    boolean handle(ExpireTaskLeaseCommand c) {
        Aggregate<Task> task = load(c.taskId(), null);
        boolean requeued = task.invoke(t -> t.expireLease(clock.instant()));
        if (requeued) {
            TaskSnapshot s = task.invoke(Task::snapshot);
            signal.queued(s.nodeId(), s.id(), false);
        }
        return requeued;
    }

    @CommandHandler
    boolean handle(FailStaleTaskCommand c) {
        Aggregate<Task> task = load(c.taskId(), null);
        UUID nodeId = task.invoke(Task::snapshot).nodeId();
        boolean maintenance;
        try {
            maintenance = nodes.facts(nodeId, null).maintenance();
        } catch (CommandRejectedException deletedNode) {
            maintenance = false;
        }
        boolean inMaintenance = maintenance;
        return task.invoke(t -> t.failIfStale(clock.instant(), c.queuedTimeout(), c.runningTimeout(), inMaintenance));
    }

    private Aggregate<Task> load(UUID taskId, UUID nodeId) {
        try {
            return tasks.load(taskId.toString());
        } catch (AggregateNotFoundException e) {
            throw missing(taskId, nodeId);
        }
    }

    private static RuntimeException missing(UUID taskId, UUID nodeId) {
        return notFound("TASK_NOT_FOUND", "Task " + taskId + " was not found" + (nodeId == null ? "" : " for node " + nodeId));
    }
}
