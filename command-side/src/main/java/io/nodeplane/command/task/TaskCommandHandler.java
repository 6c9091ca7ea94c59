package io.nodeplane.command.task;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.node.NodeDirectory;
import io.nodeplane.command.node.NodeFacts;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.task.TaskCommands.AcknowledgeTaskCommand;
import io.nodeplane.command.task.TaskCommands.CancelTaskCommand;
import io.nodeplane.command.task.TaskCommands.ClaimTaskCommand;
import io.nodeplane.command.task.TaskCommands.CompleteTaskCommand;
import io.nodeplane.command.task.TaskCommands.CreateTasksCommand;
import io.nodeplane.command.task.TaskCommands.ExpireTaskLeaseCommand;
import io.nodeplane.command.task.TaskCommands.FailStaleTaskCommand;
import io.nodeplane.command.task.TaskCommands.Skipped;
import io.nodeplane.command.task.TaskCommands.StartTaskCommand;
import io.nodeplane.command.task.TaskCommands.Target;
import io.nodeplane.command.task.TaskCommands.TaskRun;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.events.task.TaskOrigin;
import io.nodeplane.events.task.TaskStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    TaskCommandHandler(Repository<Task> tasks, WorkspaceDirectory workspaces, NodeDirectory nodes,
                       TaskQueueSignal signal, Clock clock) {
        this.tasks = tasks;
        this.workspaces = workspaces;
        this.nodes = nodes;
        this.signal = signal;
        this.clock = clock;
    }

    @CommandHandler
    TaskRun handle(CreateTasksCommand c) throws Exception {
        if (c.targets().isEmpty() && c.teamId() == null) {
            throw badRequest("TASK_TARGETS_EMPTY", "At least one node is required");
        }
        if (new HashSet<>(c.targets().stream().map(Target::nodeId).toList()).size() != c.targets().size()) {
            throw badRequest("TASK_TARGETS_DUPLICATE", "Each node may appear only once");
        }
        workspaces.requireWritable(c.workspaceId());
        if (c.teamId() != null) {
            workspaces.requireTeam(c.workspaceId(), c.teamId());
        }
        TaskSpec spec = c.spec();
        TaskPayloads.validate(spec);
        String payload = TaskResults.json(spec.payload() == null ? Map.of() : spec.payload());
        TaskOrigin given = spec.origin() == null ? TaskOrigin.DIRECT : spec.origin();
        TaskOrigin origin = c.teamId() == null ? given : new TaskOrigin(c.teamId(), given.templateId(),
                given.templateName(), given.scheduleId(), given.scheduleName(), given.internal());
        List<TaskSnapshot> created = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Target target : c.targets()) {
            NodeFacts node = nodes.facts(target.nodeId(), c.workspaceId());
            String skip = c.teamId() == null ? null : skipReason(c.teamId(), spec, node);
            if (skip != null) {
                skipped.add(new Skipped(node.nodeId(), node.name(), skip));
                continue;
            }
            if (node.maintenance()) {
                throw badRequest("NODE_IN_MAINTENANCE", "Node " + node.name()
                        + " is in maintenance mode and cannot accept new work.");
            }
            TaskPayloads.requireRoot(spec, node);
            TaskCreatedEvent event = new TaskCreatedEvent(target.taskId(), c.workspaceId(), node.nodeId(),
                    node.hostname(), spec.type(), payload, spec.timeoutSeconds(), origin, c.byUserId());
            created.add(tasks.newInstance(() -> new Task(event)).invoke(Task::snapshot));
            signal.queued(node.nodeId(), target.taskId(), true);
        }
        return new TaskRun(created, skipped);
    }

    private static String skipReason(UUID teamId, TaskSpec spec, NodeFacts node) {
        if (!teamId.equals(node.teamId())) {
            return "not-in-team";
        }
        if (node.maintenance()) {
            return "maintenance";
        }
        try {
            TaskPayloads.requireRoot(spec, node);
            return null;
        } catch (CommandRejectedException e) {
            return "root-access-denied";
        }
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
