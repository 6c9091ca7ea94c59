package io.nodeplane.api.schedule;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.schedule.ScheduleRequests.BatchScheduleRequest;
import io.nodeplane.api.schedule.ScheduleRequests.CreateScheduleRequest;
import io.nodeplane.api.schedule.ScheduleRequests.UpdateScheduleRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.workspace.DeletedResponse;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.node.NodeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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

/** The contract's non-workspace schedule routes: every workspace, platform admins only (403 otherwise). */
@RestController
@RequestMapping("/api/v1/scheduled-tasks")
@Tag(name = "Scheduled tasks (platform admin)")
@SecurityRequirement(name = "bearer")
class LegacyScheduleController {

    private final ScheduleOperations schedules;
    private final NodeQueryService nodes;

    LegacyScheduleController(ScheduleOperations schedules, NodeQueryService nodes) {
        this.schedules = schedules;
        this.nodes = nodes;
    }

    @GetMapping
    @Operation(summary = "Scheduled tasks of every workspace")
    Flux<ScheduleResponse> list(@AuthenticationPrincipal AuthenticatedUser user,
                                @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return admin(user).thenMany(schedules.list(null, limit, offset));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a command on a node, in the node's workspace")
    Mono<ScheduleResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CreateScheduleRequest r,
                                  ServerWebExchange exchange) {
        if (r.nodeId() == null) {
            return admin(user).then(Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "SCHEDULE_TARGET_INVALID",
                    "nodeId is required here; team schedules are created in their workspace")));
        }
        return admin(user).then(workspaceOf(r.nodeId()))
                .flatMap(ws -> schedules.create(ws, r.nodeId(), r, Actors.of(exchange, user)));
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The same schedule on several nodes, one schedule per node")
    Mono<List<ScheduleResponse>> batch(@AuthenticationPrincipal AuthenticatedUser user,
                                       @Valid @RequestBody BatchScheduleRequest r, ServerWebExchange exchange) {
        Actor actor = Actors.of(exchange, user);
        return admin(user).thenMany(Flux.fromIterable(r.nodeIds()).concatMap(node -> workspaceOf(node).flatMap(ws ->
                schedules.create(ws, node, new CreateScheduleRequest(node, null, r.name(), r.command(), r.runAsRoot(),
                        r.cadence(), r.minute(), r.hour(), r.dayOfWeek(), r.intervalMinutes(), r.enabled()), actor))))
                .collectList();
    }

    @PatchMapping("/{scheduleId}")
    @Operation(summary = "Change any scheduled task")
    Mono<ScheduleResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID scheduleId,
                                  @Valid @RequestBody UpdateScheduleRequest r, ServerWebExchange exchange) {
        return admin(user).then(schedules.update(null, scheduleId, r, Actors.of(exchange, user)));
    }

    @DeleteMapping("/{scheduleId}")
    @Operation(summary = "Delete any scheduled task")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID scheduleId,
                                 ServerWebExchange exchange) {
        return admin(user).then(schedules.delete(null, scheduleId, Actors.of(exchange, user)));
    }

    private Mono<UUID> workspaceOf(UUID nodeId) {
        return nodes.node(null, nodeId).map(NodeView::workspaceId).switchIfEmpty(Mono.error(() -> new ApiException(
                HttpStatus.NOT_FOUND, "NODE_NOT_FOUND", "Node " + nodeId + " was not found")));
    }

    private static Mono<Void> admin(AuthenticatedUser user) {
        return user.requirePlatformAdmin();
    }
}
