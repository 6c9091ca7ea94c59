package io.nodeplane.api.task;

import static io.nodeplane.api.workspace.WorkspacePermission.OPERATE_TASKS;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.task.TaskRequests.CancelTaskRequest;
import io.nodeplane.api.task.TaskRequests.CreateBatchRequest;
import io.nodeplane.api.task.TaskRequests.CreateTaskRequest;
import io.nodeplane.api.task.TaskRequests.CreateTeamTasksRequest;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/tasks")
@Tag(name = "Tasks")
@SecurityRequirement(name = "bearer")
class TaskController {

    private final TaskOperations tasks;
    private final WorkspaceAccess access;

    TaskController(TaskOperations tasks, WorkspaceAccess access) {
        this.tasks = tasks;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue a task on a node (owner/admin/member)", description = "201 with status queued. 400 for a "
            + "node in maintenance or root access the node's applied profile does not allow; 409 in an archived workspace.")
    Mono<TaskResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                              @Valid @RequestBody CreateTaskRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, OPERATE_TASKS).then(tasks.create(workspaceId, List.of(r.nodeId()),
                new TaskSpec(r.type(), r.payload(), r.timeoutSeconds(), null), Actors.of(exchange, user)))
                .map(created -> created.get(0));
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue the same task on several nodes (owner/admin/member)", description = "All or nothing: "
            + "one invalid node rejects the batch.")
    Mono<List<TaskResponse>> batch(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                   @Valid @RequestBody CreateBatchRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, OPERATE_TASKS).then(tasks.create(workspaceId, r.nodeIds(),
                new TaskSpec(r.type(), r.payload(), r.timeoutSeconds(), null), Actors.of(exchange, user)));
    }

    @PostMapping("/teams/{teamId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue a task on every eligible node of a team (owner/admin/member)", description = "Nodes in "
            + "maintenance or without the root access the task needs are skipped and listed with the reason.")
    Mono<TeamRunResponse> team(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                               @PathVariable UUID teamId, @Valid @RequestBody CreateTeamTasksRequest r,
                               ServerWebExchange exchange) {
        return access.require(user, workspaceId, OPERATE_TASKS).then(tasks.createForTeam(workspaceId, teamId,
                new TaskSpec(r.type(), r.payload(), r.timeoutSeconds(), null), Actors.of(exchange, user)));
    }

    @GetMapping
    @Operation(summary = "Tasks of the workspace, newest first", description = "Filters nodeId, status, type, teamId, "
            + "from, to (createdAt); internal tasks only with includeInternal=true; limit clamped to 1..100.")
    Flux<TaskResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                            @RequestParam(required = false) UUID nodeId, @RequestParam(required = false) String status,
                            @RequestParam(required = false) String type, @RequestParam(required = false) UUID teamId,
                            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) Boolean includeInternal,
                            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return access.require(user, workspaceId, READ).thenMany(tasks.list(workspaceId, nodeId, status, type, teamId, from,
                to, includeInternal, limit, offset));
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "One task")
    Mono<TaskResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                           @PathVariable UUID taskId) {
        return access.require(user, workspaceId, READ).then(tasks.get(workspaceId, taskId));
    }

    @GetMapping("/{taskId}/logs")
    @Operation(summary = "Output lines of a task, oldest first", description = "limit clamped to 1..1000 (default 500).")
    Flux<TaskLogResponse> logs(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                               @PathVariable UUID taskId, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) Integer offset) {
        return access.require(user, workspaceId, READ).thenMany(tasks.logs(workspaceId, taskId, limit, offset));
    }

    @PostMapping("/{taskId}/cancel")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cancel a task (owner/admin/member)", description = "Before it runs: cancelled at once. "
            + "Running: cancelRequestedAt is set and the agent stops it on its next control poll.")
    Mono<TaskResponse> cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                              @PathVariable UUID taskId, @Valid @RequestBody(required = false) CancelTaskRequest r,
                              ServerWebExchange exchange) {
        return access.require(user, workspaceId, OPERATE_TASKS)
                .then(tasks.cancel(workspaceId, taskId, r == null ? null : r.reason(), Actors.of(exchange, user)));
    }
}
