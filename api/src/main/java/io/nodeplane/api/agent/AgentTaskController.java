package io.nodeplane.api.agent;

import io.nodeplane.api.agent.AgentTaskRequests.CompleteRequest;
import io.nodeplane.api.agent.AgentTaskRequests.LogRequest;
import io.nodeplane.api.agent.AgentTaskRequests.TransitionRequest;
import io.nodeplane.api.agent.AgentTasks.Control;
import io.nodeplane.api.task.TaskLogResponse;
import io.nodeplane.api.task.TaskResponse;
import io.nodeplane.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The agent's task routes (contract §1.5, §1.6): header authentication, every answer 200. The claim is {@link ClaimRoute}. */
@RestController
@RequestMapping("/api/v1/agent/tasks")
@Tag(name = "Agent")
class AgentTaskController {

    private final AgentAuthenticator authenticator;
    private final AgentTasks tasks;

    AgentTaskController(AgentAuthenticator authenticator, AgentTasks tasks) {
        this.authenticator = authenticator;
        this.tasks = tasks;
    }

    @PostMapping("/{taskId}/accepted")
    @Operation(summary = "Confirm a claimed task", description = "{ok, duplicate, taskId}; 409 for a task never claimed.")
    Mono<Object> accepted(ServerHttpRequest request, @PathVariable UUID taskId,
                          @Valid @RequestBody(required = false) TransitionRequest r) {
        return matching(taskId, r == null ? null : r.taskId())
                .then(authenticator.authenticate(request)).flatMap(agent -> tasks.accepted(agent, taskId));
    }

    @PostMapping("/{taskId}/started")
    @Operation(summary = "The task is running", description = "409 unless claimed by this node with a live lease.")
    Mono<TaskResponse> started(ServerHttpRequest request, @PathVariable UUID taskId,
                               @Valid @RequestBody(required = false) TransitionRequest r) {
        return matching(taskId, r == null ? null : r.taskId()).then(authenticator.authenticate(request))
                .flatMap(agent -> tasks.started(agent, taskId, r == null ? null : r.timestamp()));
    }

    @PostMapping("/{taskId}/logs")
    @Operation(summary = "One output line of a running task", description = "stream stdout/stderr keep their level, "
            + "anything else is info.")
    Mono<TaskLogResponse> logs(ServerHttpRequest request, @PathVariable UUID taskId, @Valid @RequestBody LogRequest r) {
        return matching(taskId, r.taskId()).then(authenticator.authenticate(request))
                .flatMap(agent -> tasks.log(agent, taskId, r.stream(), r.line(), r.timestamp()))
                .map(TaskLogResponse::of);
    }

    @GetMapping("/{taskId}/control")
    @Operation(summary = "Whether the running task should stop")
    Mono<Control> control(ServerHttpRequest request, @PathVariable UUID taskId) {
        return authenticator.authenticate(request).flatMap(agent -> tasks.control(agent, taskId));
    }

    @PostMapping("/{taskId}/completed")
    @Operation(summary = "The task ended", description = "success, failed, timeout (stored failed), cancelled or "
            + "canceled; output stored up to 8000 characters.")
    Mono<TaskResponse> completed(ServerHttpRequest request, @PathVariable UUID taskId,
                                 @Valid @RequestBody CompleteRequest r) {
        return matching(taskId, r.taskId()).then(authenticator.authenticate(request))
                .flatMap(agent -> tasks.completed(agent, taskId, r));
    }

    private static Mono<Void> matching(UUID route, UUID body) {
        return body == null || body.equals(route) ? Mono.empty() : Mono.error(new ApiException(HttpStatus.BAD_REQUEST,
                "TASK_ID_MISMATCH", "taskId in request body must match route parameter"));
    }
}
