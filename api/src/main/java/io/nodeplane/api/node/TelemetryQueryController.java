package io.nodeplane.api.node;

import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.agent.MetricResponse;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.query.event.OperationalEventQueryService;
import io.nodeplane.query.telemetry.MetricsStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** Metric samples and operational events of a workspace, newest first; any member may read them. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Telemetry")
@SecurityRequirement(name = "bearer")
class TelemetryQueryController {

    private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

    private final WorkspaceAccess access;
    private final MetricsStore metrics;
    private final OperationalEventQueryService events;

    TelemetryQueryController(WorkspaceAccess access, MetricsStore metrics, OperationalEventQueryService events) {
        this.access = access;
        this.metrics = metrics;
        this.events = events;
    }

    @GetMapping("/metrics")
    @Operation(summary = "Metric samples", description = "nodeId, from, to optional; limit clamped to 1..100 (default 50).")
    Flux<MetricResponse> metrics(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                 @RequestParam(required = false) UUID nodeId, @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer limit) {
        return access.require(user, workspaceId, READ)
                .thenMany(metrics.find(workspaceId, nodeId, from, to, clamp(limit)))
                .map(MetricResponse::of);
    }

    @GetMapping("/events")
    @Operation(summary = "Operational events", description = "node.registered, node.online, node.offline, high.cpu, "
            + "node.maintenance.*, …; filters nodeId, severity, type; limit clamped to 1..100 (default 50).")
    Flux<EventResponse> events(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                               @RequestParam(required = false) UUID nodeId, @RequestParam(required = false) String severity,
                               @RequestParam(required = false) String type, @RequestParam(required = false) Integer limit) {
        if (severity != null && !SEVERITIES.contains(severity)) {
            return Flux.error(new ApiException(HttpStatus.BAD_REQUEST, "INVALID_SEVERITY",
                    "severity must be one of info, warning, critical"));
        }
        return access.require(user, workspaceId, READ)
                .thenMany(events.events(workspaceId, nodeId, severity, type, clamp(limit)))
                .map(EventResponse::of);
    }

    private static int clamp(Integer limit) {
        return limit == null ? 50 : Math.max(1, Math.min(100, limit));
    }
}
