package io.nodeplane.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Readiness of what the service depends on. {@code status} is {@code ok}, or {@code degraded} when
 * something optional (Redis, a lagging processor) is unwell, or {@code error} when the database is down.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DependenciesResponse(String service, String status, Instant timestamp, Database database,
                                   List<Processor> eventProcessors, Redis redis) {

    /** @param eventStoreHead highest global index in the event store */
    public record Database(String status, Long latencyMs, Long eventStoreHead, String error) {
    }

    /** @param lag events between the processor's position and the store's head */
    public record Processor(String name, String status, Long position, Long lag, String error) {
    }

    public record Redis(boolean enabled, String status, Long latencyMs, String error) {
    }
}
