package io.nodeplane.api.schedule;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.schedule.ScheduleRequests.CreateScheduleRequest;
import io.nodeplane.api.schedule.ScheduleRequests.UpdateScheduleRequest;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.DeletedResponse;
import io.nodeplane.command.schedule.ScheduleCommands.CreateScheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.DeleteScheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.UpdateScheduleCommand;
import io.nodeplane.query.schedule.ScheduleQueryService;
import io.nodeplane.query.schedule.ScheduleView;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the workspace schedule routes and the platform-admin routes share. {@code workspaceId == null} = any. */
@Service
class ScheduleOperations {

    private final Commands commands;
    private final ScheduleQueryService schedules;

    ScheduleOperations(Commands commands, ScheduleQueryService schedules) {
        this.commands = commands;
        this.schedules = schedules;
    }

    Flux<ScheduleResponse> list(UUID workspaceId, Integer limit, Integer offset) {
        int clamped = limit == null ? 50 : Math.max(1, Math.min(100, limit));
        return schedules.schedules(workspaceId, clamped, offset == null ? 0 : Math.max(0, offset)).map(ScheduleResponse::of);
    }

    Mono<ScheduleResponse> get(UUID workspaceId, UUID id) {
        return schedules.schedule(workspaceId, id).map(ScheduleResponse::of).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    Mono<ScheduleResponse> create(UUID workspaceId, UUID nodeId, CreateScheduleRequest r, Actor actor) {
        UUID id = UUID.randomUUID();
        return commands.send(new CreateScheduleCommand(id, workspaceId, nodeId, nodeId == null ? r.teamId() : null,
                        actor.userId(), r.name(), r.command(), Boolean.TRUE.equals(r.runAsRoot()), r.cadence(), r.minute(),
                        r.hour(), r.dayOfWeek(), r.intervalMinutes(), !Boolean.FALSE.equals(r.enabled())), actor)
                .then(read(workspaceId, id, s -> true));
    }

    Mono<ScheduleResponse> update(UUID workspaceId, UUID id, UpdateScheduleRequest r, Actor actor) {
        return commands.send(new UpdateScheduleCommand(id, workspaceId, r.name(), r.command(), r.runAsRoot(), r.cadence(),
                        r.minute(), r.hour(), r.dayOfWeek(), r.intervalMinutes(), r.enabled()), actor)
                .then(read(workspaceId, id, s -> (r.name() == null || r.name().trim().equals(s.name()))
                        && (r.command() == null || r.command().equals(s.command()))
                        && (r.cadence() == null || r.cadence().trim().toLowerCase(Locale.ROOT).equals(s.cadence()))
                        && (r.minute() == null || r.minute() == s.minute())
                        && (r.enabled() == null || r.enabled() == s.enabled())));
    }

    Mono<DeletedResponse> delete(UUID workspaceId, UUID id, Actor actor) {
        return commands.send(new DeleteScheduleCommand(id, workspaceId), actor)
                .then(ReadYourWrites.await(() -> schedules.schedule(workspaceId, id).map(s -> false).defaultIfEmpty(true),
                        gone -> gone))
                .thenReturn(new DeletedResponse(true, id));
    }

    private Mono<ScheduleResponse> read(UUID workspaceId, UUID id, Predicate<ScheduleView> applied) {
        return ReadYourWrites.await(() -> schedules.schedule(workspaceId, id), applied).map(ScheduleResponse::of)
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    static ApiException notFound(UUID id) {
        return new ApiException(HttpStatus.NOT_FOUND, "SCHEDULE_NOT_FOUND", "Scheduled task " + id + " was not found");
    }
}
