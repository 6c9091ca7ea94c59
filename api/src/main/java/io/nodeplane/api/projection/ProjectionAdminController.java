package io.nodeplane.api.projection;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiError;
import io.nodeplane.query.audit.StoredEventQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Platform admins rebuild the read models from the event store and follow the replay. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "No valid access token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "Not a platform admin",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;
    private final StoredEventQueryService events;

    ProjectionAdminController(ProjectionRebuilds rebuilds, StoredEventQueryService events) {
        this.rebuilds = rebuilds;
        this.events = events;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every read model from the event store (platform admins)",
            description = "Each event processor is stopped, its token reset (its tables emptied) and started again; "
                    + "it then replays every stored event. Answers at once; follow the replay with GET "
                    + "/admin/projections. Read models are incomplete until it finishes. Recorded in the audit log "
                    + "(projections.rebuild.started). One rebuild at a time per instance; run it on one instance.")
    @ApiResponse(responseCode = "202", description = "Rebuild started")
    @ApiResponse(responseCode = "409", description = "A rebuild is already running (code REBUILD_IN_PROGRESS)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    Mono<ResponseEntity<RebuildStartedResponse>> rebuild(@AuthenticationPrincipal AuthenticatedUser user,
                                                         ServerWebExchange exchange) {
        return user.requirePlatformAdmin().then(rebuilds.start(Actors.of(exchange, user)))
                .map(r -> ResponseEntity.status(HttpStatus.ACCEPTED).body(RebuildStartedResponse.of(r)));
    }

    @GetMapping
    @Operation(summary = "Event processors and the last rebuild (platform admins)",
            description = "Each processor's position (global index), whether it is replaying, and whether it is "
                    + "caught up: running, not replaying and at or past the store's head at the time of the call "
                    + "(approximate: under load a processor lags by a batch). Never cached.")
    @ApiResponse(responseCode = "200", description = "Processors and rebuild state")
    Mono<ResponseEntity<ProjectionsResponse>> status(@AuthenticationPrincipal AuthenticatedUser user) {
        return user.requirePlatformAdmin().then(events.head()).map(head -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore()).body(response(head)));
    }

    private ProjectionsResponse response(long head) {
        Rebuild last = rebuilds.last();
        var processors = rebuilds.processors().stream().map(p -> processor(p, head, last)).toList();
        return last == null ? new ProjectionsResponse(false, null, null, head, processors)
                : new ProjectionsResponse(last.running(), last.startedAt, last.finishedAt(), head, processors);
    }

    private static ProjectionsResponse.Processor processor(StreamingEventProcessor p, long head, Rebuild last) {
        Long position = ProjectionRebuilds.position(p);
        boolean replaying = p.isReplaying();
        boolean caughtUp = p.isRunning() && !replaying && (position == null ? head == 0 : position >= head);
        String error = last == null ? null : last.failed.get(p.getName());
        if (error == null) {
            error = p.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                    .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName())
                    .findFirst().orElse(null);
        }
        return new ProjectionsResponse.Processor(p.getName(), replaying, position, caughtUp,
                last == null ? null : last.finished.get(p.getName()), error);
    }
}
