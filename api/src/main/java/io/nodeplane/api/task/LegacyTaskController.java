package io.nodeplane.api.task;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.task.TaskRequests.CancelTaskRequest;
import io.nodeplane.api.task.TaskRequests.CreateBatchRequest;
import io.nodeplane.api.task.TaskRequests.CreateTaskRequest;
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

/** The contract's non-workspace task routes: every workspace, platform admins only (403 otherwise). */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks (platform admin)")
@SecurityRequirement(name = "bearer")
class LegacyTaskController {

    private final TaskOperations tasks;

    LegacyTaskController(TaskOperations tasks) {
        this.tasks = tasks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue a task on any node (in the node's workspace)")
    Mono<TaskResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CreateTaskRequest r,
                              ServerWebExchange exchange) {
        return admin(user).then(tasks.workspaceOfNode(r.nodeId())).flatMap(ws -> tasks.create(ws, List.of(r.nodeId()),
                new TaskSpec(r.type(), r.payload(), r.timeoutSeconds(), null), Actors.of(exchange, user)))
                .map(created -> created.get(0));
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue the same task on several nodes of one workspace", description = "All or nothing; the "
            + "workspace is the first node's.")
    Mono<List<TaskResponse>> batch(@AuthenticationPrincipal AuthenticatedUser user,
                                   @Valid @RequestBody CreateBatchRequest r, ServerWebExchange exchange) {
        return admin(user).then(tasks.workspaceOfNode(r.nodeIds().get(0))).flatMap(ws -> tasks.create(ws, r.nodeIds(),
                new TaskSpec(r.type(), r.payload(), r.timeoutSeconds(), null), Actors.of(exchange, user)));
    }

    @GetMapping
    @Operation(summary = "Tasks of every workspace, newest first")
    Flux<TaskResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(required = false) UUID nodeId,
                            @RequestParam(required = false) String status, @RequestParam(required = false) String type,
                            @RequestParam(required = false) UUID teamId, @RequestParam(required = false) Instant from,
                            @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) Boolean includeInternal,
                            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return admin(user).thenMany(tasks.list(null, nodeId, status, type, teamId, from, to, includeInternal, limit, offset));
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "One task of any workspace")
    Mono<TaskResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID taskId) {
        return admin(user).then(tasks.get(null, taskId));
    }

    @GetMapping("/{taskId}/logs")
    @Operation(summary = "Output lines of any task")
    Flux<TaskLogResponse> logs(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID taskId,
                               @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return admin(user).thenMany(tasks.logs(null, taskId, limit, offset));
    }

    @PostMapping("/{taskId}/cancel")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cancel any task")
    Mono<TaskResponse> cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID taskId,
                              @Valid @RequestBody(required = false) CancelTaskRequest r, ServerWebExchange exchange) {
        return admin(user).then(tasks.cancel(null, taskId, r == null ? null : r.reason(), Actors.of(exchange, user)));
    }

    private static Mono<Void> admin(AuthenticatedUser user) {
        return user.requirePlatformAdmin();
    }
}
