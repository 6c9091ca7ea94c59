package io.nodeplane.api.agent;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.query.task.TaskQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /diagnostics/task-flow} (platform admin): how work flows to agents on this instance —
 * claim counters, the platform's queue, the last claim and the last agent report (contract §3).
 */
@RestController
@Tag(name = "Diagnostics")
@SecurityRequirement(name = "bearer")
class TaskFlowController {

    record TaskFlow(Instant fetchedAt, String source, Map<String, Long> agentCounters, Map<String, Long> claimCounters,
                    Map<String, Long> queue, Map<String, Object> health) {
    }

    private final TaskClaims claims;
    private final TelemetryIngest telemetry;
    private final ClaimWaiters waiters;
    private final TaskQueryService tasks;
    private final Clock clock;

    TaskFlowController(TaskClaims claims, TelemetryIngest telemetry, ClaimWaiters waiters, TaskQueryService tasks,
                       Clock clock) {
        this.claims = claims;
        this.telemetry = telemetry;
        this.waiters = waiters;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/api/v1/diagnostics/task-flow")
    @Operation(summary = "Task-flow diagnostics (platform admin)", description = "Counters since this instance started; "
            + "never cached.")
    Mono<ResponseEntity<TaskFlow>> taskFlow(@AuthenticationPrincipal AuthenticatedUser user) {
        return user.requirePlatformAdmin().then(tasks.queueSizes()).map(sizes -> {
            Map<String, Long> claimCounters = new LinkedHashMap<>();
            claimCounters.put("task.claim.attempted", claims.attempted.get());
            claimCounters.put("task.claim.succeeded", claims.succeeded.get());
            claimCounters.put("task.claim.failed", claims.failed.get());
            claimCounters.put("task.claim.emptyPoll", claims.empty.get());
            claimCounters.put("task.claim.waiting", (long) waiters.waiting());
            Map<String, Long> agentCounters = new LinkedHashMap<>();
            agentCounters.put("metrics.ingested", telemetry.metricsIngested.get());
            agentCounters.put("connection.opened", 0L); // the agent socket arrives with the realtime issue
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("realtimeConnected", false);
            health.put("lastAgentSeenAt", telemetry.lastAgentSeenAt);
            health.put("lastClaimAt", claims.lastClaimAt);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TaskFlow(clock.instant(),
                    "agent-task-flow", agentCounters, claimCounters, Map.of("queued", at(sizes, 0), "running", at(sizes, 1)),
                    health));
        });
    }

    private static long at(List<Long> sizes, int i) {
        Long value = sizes.get(i);
        return value == null ? 0 : value;
    }
}
