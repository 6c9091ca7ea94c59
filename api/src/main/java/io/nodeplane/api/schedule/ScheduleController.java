package io.nodeplane.api.schedule;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.schedule.ScheduleRequests.BatchScheduleRequest;
import io.nodeplane.api.schedule.ScheduleRequests.CreateScheduleRequest;
import io.nodeplane.api.schedule.ScheduleRequests.UpdateScheduleRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.workspace.DeletedResponse;
import io.nodeplane.api.workspace.WorkspaceAccess;
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

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/scheduled-tasks")
@Tag(name = "Scheduled tasks")
@SecurityRequirement(name = "bearer")
class ScheduleController {

    private final ScheduleOperations schedules;
    private final WorkspaceAccess access;

    ScheduleController(ScheduleOperations schedules, WorkspaceAccess access) {
        this.schedules = schedules;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Scheduled tasks of the workspace, newest first")
    Flux<ScheduleResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return access.require(user, workspaceId, READ).thenMany(schedules.list(workspaceId, limit, offset));
    }

    @GetMapping("/{scheduleId}")
    @Operation(summary = "One scheduled task")
    Mono<ScheduleResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                               @PathVariable UUID scheduleId) {
        return access.require(user, workspaceId, READ).then(schedules.get(workspaceId, scheduleId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a command on a node or a team (owner/admin)", description = "cadence minutely, hourly "
            + "(minute), daily (hour, minute), weekly (dayOfWeek 0=Sunday, hour, minute) or custom (intervalMinutes), "
            + "in the workspace's time zone.")
    Mono<ScheduleResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                  @Valid @RequestBody CreateScheduleRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(schedules.create(workspaceId, r.nodeId(), r, Actors.of(exchange, user)));
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The same schedule on several nodes (owner/admin)", description = "One schedule per node.")
    Mono<List<ScheduleResponse>> batch(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                       @Valid @RequestBody BatchScheduleRequest r, ServerWebExchange exchange) {
        Actor actor = Actors.of(exchange, user);
        return access.require(user, workspaceId, MUTATE).thenMany(Flux.fromIterable(r.nodeIds()).concatMap(node ->
                schedules.create(workspaceId, node, new CreateScheduleRequest(node, null, r.name(), r.command(),
                        r.runAsRoot(), r.cadence(), r.minute(), r.hour(), r.dayOfWeek(), r.intervalMinutes(), r.enabled()),
                        actor))).collectList();
    }

    @PatchMapping("/{scheduleId}")
    @Operation(summary = "Change a scheduled task (owner/admin)", description = "enabled:false clears nextRunAt.")
    Mono<ScheduleResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                  @PathVariable UUID scheduleId, @Valid @RequestBody UpdateScheduleRequest r,
                                  ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(schedules.update(workspaceId, scheduleId, r, Actors.of(exchange, user)));
    }

    @DeleteMapping("/{scheduleId}")
    @Operation(summary = "Delete a scheduled task (owner/admin)")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                 @PathVariable UUID scheduleId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(schedules.delete(workspaceId, scheduleId, Actors.of(exchange, user)));
    }
}
