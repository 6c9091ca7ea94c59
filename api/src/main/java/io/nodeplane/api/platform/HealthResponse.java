package io.nodeplane.api.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Liveness answer; {@code service} keeps the Noderax name so existing clients recognise it. */
public record HealthResponse(
        @Schema(example = "noderax-api") String service, @Schema(example = "ok") String status, Instant timestamp,
        Instant startedAt, String bootId, @Schema(example = "nodeplane") String implementation) {
}
