package io.nodeplane.query.telemetry;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored metric report (contract §1.7, percentages already validated to 0..100).
 *
 * @param networkStats raw JSON object, or {@code null}
 */
public record MetricSample(UUID id, UUID workspaceId, UUID nodeId, double cpuUsage, double memoryUsage,
                           double diskUsage, Double temperature, String networkStats, Instant recordedAt) {
}
