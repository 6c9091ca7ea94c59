package io.nodeplane.api.platform;

import io.nodeplane.query.audit.StoredEventQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Health")
class HealthController {

    private static final String SERVICE = "noderax-api";
    private static final long LAG_WARNING = 1000;

    private final ServiceInfo info;
    private final StoredEventQueryService events;
    private final EventProcessingConfiguration processing;
    private final RedisProbe redis;

    HealthController(ServiceInfo info, StoredEventQueryService events, EventProcessingConfiguration processing,
                     RedisProbe redis) {
        this.info = info;
        this.events = events;
        this.processing = processing;
        this.redis = redis;
    }

    @GetMapping({"/health", "/api/v1/health"})
    @Operation(summary = "Liveness", description = "Public. Answers while the process serves HTTP.")
    HealthResponse health() {
        return new HealthResponse(SERVICE, "ok", Instant.now(), info.startedAt(), info.bootId(), "nodeplane");
    }

    @GetMapping({"/health/dependencies", "/api/v1/health/dependencies"})
    @Operation(summary = "Dependencies", description = "Public. Database reachability and event-store head, each "
            + "event processor's position and lag, Redis when enabled. 503 when the database is unreachable.")
    Mono<ResponseEntity<DependenciesResponse>> dependencies() {
        long start = System.nanoTime();
        Mono<DependenciesResponse.Database> database = events.head()
                .timeout(Duration.ofSeconds(3))
                .map(head -> new DependenciesResponse.Database("ok", (System.nanoTime() - start) / 1_000_000, head, null))
                .onErrorResume(e -> Mono.just(new DependenciesResponse.Database("error", null, null,
                        e.getClass().getSimpleName())));
        return Mono.zip(database, redis.check()).map(t -> {
            DependenciesResponse.Database db = t.getT1();
            List<DependenciesResponse.Processor> processors = processors(db.eventStoreHead());
            boolean degraded = !"ok".equals(t.getT2().status()) && t.getT2().enabled()
                    || processors.stream().anyMatch(p -> !"running".equals(p.status())
                    || p.lag() != null && p.lag() > LAG_WARNING);
            String status = !"ok".equals(db.status()) ? "error" : degraded ? "degraded" : "ok";
            DependenciesResponse body = new DependenciesResponse(SERVICE, status, Instant.now(), db, processors, t.getT2());
            return ResponseEntity.status("error".equals(status) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
        });
    }

    private List<DependenciesResponse.Processor> processors(Long head) {
        List<DependenciesResponse.Processor> result = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Long position = streaming.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(p -> p.isPresent()).map(p -> p.getAsLong())
                    .min(Long::compare).orElse(null);
            Long lag = head == null ? null : Math.max(0, head - (position == null ? 0 : position));
            String status = streaming.isError() ? "error" : streaming.isRunning() ? "running" : "stopped";
            String error = streaming.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                    .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName())
                    .findFirst().orElse(null);
            result.add(new DependenciesResponse.Processor(name, status, position, lag, error));
        });
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }
}
