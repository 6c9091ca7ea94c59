package io.nodeplane.command.task;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;

import io.nodeplane.command.node.NodeDirectory;
import io.nodeplane.command.node.NodeFacts;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.task.TaskCommands.CreateTasksCommand;
import io.nodeplane.command.task.TaskCommands.Skipped;
import io.nodeplane.command.task.TaskCommands.Target;
import io.nodeplane.command.task.TaskCommands.TaskRun;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.task.TaskCreatedEvent;
import io.nodeplane.events.task.TaskOrigin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Queuing tasks, for operators ({@link TaskCommandHandler}) and schedules alike: checks what a task
 * cannot know (workspace writable, node in the workspace and taking work, root allowed by the applied
 * profile), then creates each task in the caller's unit of work and signals its node.
 */
@Component
public class TaskCreation {

    private final Repository<Task> tasks;
    private final WorkspaceDirectory workspaces;
    private final NodeDirectory nodes;
    private final TaskQueueSignal signal;

    TaskCreation(Repository<Task> tasks, WorkspaceDirectory workspaces, NodeDirectory nodes, TaskQueueSignal signal) {
        this.tasks = tasks;
        this.workspaces = workspaces;
        this.nodes = nodes;
        this.signal = signal;
    }

    /** Queues the tasks of {@code c} inside the current unit of work (see {@link CreateTasksCommand}). */
    public TaskRun create(CreateTasksCommand c) throws Exception {
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
        Map<UUID, NodeFacts> facts = nodes.facts(c.targets().stream().map(Target::nodeId).toList(), c.workspaceId());
        for (Target target : c.targets()) {
            NodeFacts node = facts.get(target.nodeId());
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
}
