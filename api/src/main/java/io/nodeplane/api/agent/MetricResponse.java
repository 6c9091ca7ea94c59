package io.nodeplane.api.agent;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.query.telemetry.MetricSample;
import java.time.Instant;
import java.util.UUID;

/** A stored metric row as the contract shows it. */
public record MetricResponse(UUID id, UUID workspaceId, UUID nodeId, double cpuUsage, double memoryUsage,
                             double diskUsage, Double temperature, @JsonRawValue String networkStats,
                             Instant recordedAt) {

    public static MetricResponse of(MetricSample m) {
        return new MetricResponse(m.id(), m.workspaceId(), m.nodeId(), m.cpuUsage(), m.memoryUsage(), m.diskUsage(),
                m.temperature(), m.networkStats(), m.recordedAt());
    }
}
