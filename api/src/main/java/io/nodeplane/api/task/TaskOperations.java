package io.nodeplane.api.task;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.task.TaskCommands.CancelTaskCommand;
import io.nodeplane.command.task.TaskCommands.CreateTasksCommand;
import io.nodeplane.command.task.TaskCommands.Target;
import io.nodeplane.command.task.TaskCommands.TaskRun;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.nodeplane.command.task.TaskSnapshot;
import io.nodeplane.events.task.TaskStatus;
import io.nodeplane.query.node.NodeFilter;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.node.NodeView;
import io.nodeplane.query.task.TaskFilter;
import io.nodeplane.query.task.TaskLogStore;
import io.nodeplane.query.task.TaskQueryService;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the workspace task routes and the platform-admin routes share. Creation answers from the
 * aggregates' own state (no wait for a projection: the agent may already hold the task); cancel waits
 * until the read model shows it. {@code workspaceId == null} = any workspace.
 */
@Service
public class TaskOperations {

    static final Set<String> STATUSES = Arrays.stream(TaskStatus.values()).map(TaskStatus::wire)
            .collect(Collectors.toUnmodifiableSet());
    private static final int TEAM_NODES_MAX = 10_000;

    private final Commands commands;
    private final TaskQueryService tasks;
    private final NodeQueryService nodes;
    private final TaskLogStore logs;

    private final io.micrometer.core.instrument.Timer createCommand;

    TaskOperations(Commands commands, TaskQueryService tasks, NodeQueryService nodes, TaskLogStore logs,
                   io.micrometer.core.instrument.MeterRegistry meters) {
        this.createCommand = io.micrometer.core.instrument.Timer.builder("nodeplane.task.create.command")
                .description("A task creation command, from dispatch to its stored events")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.commands = commands;
        this.tasks = tasks;
        this.nodes = nodes;
        this.logs = logs;
    }

    /** Queues one task per node, all or nothing. */
    public Mono<List<TaskResponse>> create(UUID workspaceId, List<UUID> nodeIds, TaskSpec spec, Actor actor) {
        List<Target> targets = nodeIds.stream().map(n -> new Target(n, UUID.randomUUID())).toList();
        long started = System.nanoTime();
        return commands.<TaskRun>send(new CreateTasksCommand(workspaceId, targets, spec, null, actor.userId()), actor)
                .doOnNext(run -> createCommand.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS))
                .map(run -> run.created().stream().map(TaskResponse::of).toList());
    }

    /** One task per node of the team that can take it; the others are listed with the reason. */
    Mono<TeamRunResponse> createForTeam(UUID workspaceId, UUID teamId, TaskSpec spec, Actor actor) {
        return nodes.nodes(workspaceId, new NodeFilter(null, teamId, null, TEAM_NODES_MAX, 0))
                .map(n -> new Target(n.id(), UUID.randomUUID())).collectList()
                .flatMap(targets -> commands.<TaskRun>send(new CreateTasksCommand(workspaceId, targets, spec, teamId,
                        actor.userId()), actor))
                .map(run -> new TeamRunResponse(teamId, run.created().stream().map(TaskResponse::of).toList(),
                        run.skipped().stream().map(s -> new TeamRunResponse.SkippedNode(s.nodeId(), s.nodeName(),
                                s.reason())).toList(), run.created().size(), run.skipped().size()));
    }

    /** The workspace of a node, for the platform-admin route that names only the node. */
    Mono<UUID> workspaceOfNode(UUID nodeId) {
        return nodes.node(null, nodeId).map(NodeView::workspaceId).switchIfEmpty(Mono.error(() -> new ApiException(
                HttpStatus.NOT_FOUND, "NODE_NOT_FOUND", "Node " + nodeId + " was not found")));
    }

    Flux<TaskResponse> list(UUID workspaceId, UUID nodeId, String status, String type, UUID teamId, Instant from,
                            Instant to, Boolean includeInternal, Integer limit, Integer offset) {
        if (status != null && !STATUSES.contains(status)) {
            return Flux.error(new ApiException(HttpStatus.BAD_REQUEST, "INVALID_STATUS",
                    "status must be one of " + String.join(", ", new java.util.TreeSet<>(STATUSES))));
        }
        int clamped = limit == null ? 50 : Math.max(1, Math.min(100, limit));
        int skip = offset == null ? 0 : Math.max(0, offset);
        return tasks.tasks(workspaceId, new TaskFilter(nodeId, status, type, teamId, from, to,
                Boolean.TRUE.equals(includeInternal), clamped, skip)).map(TaskResponse::of);
    }

    public Mono<TaskResponse> get(UUID workspaceId, UUID taskId) {
        return tasks.task(workspaceId, taskId).map(TaskResponse::of).switchIfEmpty(Mono.error(() -> notFound(taskId)));
    }

    Flux<TaskLogResponse> logs(UUID workspaceId, UUID taskId, Integer limit, Integer offset) {
        int clamped = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        int skip = offset == null ? 0 : Math.max(0, offset);
        return tasks.task(workspaceId, taskId).switchIfEmpty(Mono.error(() -> notFound(taskId)))
                .thenMany(logs.find(taskId, clamped, skip)).map(TaskLogResponse::of);
    }

    Mono<TaskResponse> cancel(UUID workspaceId, UUID taskId, String reason, Actor actor) {
        return commands.<TaskSnapshot>send(new CancelTaskCommand(taskId, workspaceId, blankToNull(reason), actor.userId()),
                        actor)
                .flatMap(done -> ReadYourWrites.await(() -> tasks.task(workspaceId, taskId),
                        t -> t.status().equals(done.status().wire()) && Objects.equals(t.cancelRequestedAt() != null,
                                done.cancelRequestedAt() != null)))
                .map(TaskResponse::of)
                .switchIfEmpty(Mono.error(() -> notFound(taskId)));
    }

    static ApiException notFound(UUID taskId) {
        return new ApiException(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND", "Task " + taskId + " was not found");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
