package io.nodeplane.api.agent;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.jobs.ClusterLock;
import io.nodeplane.command.node.NodeCommands.MarkNodeOfflineCommand;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.node.SilentNode;
import io.nodeplane.query.telemetry.MetricsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background jobs over agent telemetry, each run by one instance at a time ({@link ClusterLock}):
 * <ul>
 *   <li>offline detection: an online node silent for {@code AGENT_HEARTBEAT_TIMEOUT_SECONDS} goes
 *       offline through a command (one event per transition);</li>
 *   <li>metric retention: samples older than the retention window are deleted in chunks.</li>
 * </ul>
 */
@Component
class OfflineDetector {

    private static final Logger log = LoggerFactory.getLogger(OfflineDetector.class);
    private static final long DETECTOR_LOCK = 0x6e6f64655f6f6666L; // "node_off"
    private static final long RETENTION_LOCK = 0x6d65747269637321L; // "metrics!"
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterLock locks;
    private final NodeQueryService nodes;
    private final MetricsStore metrics;
    private final Commands commands;
    private final AgentProperties properties;
    private final Clock clock;

    OfflineDetector(ClusterLock locks, NodeQueryService nodes, MetricsStore metrics, Commands commands,
                    AgentProperties properties, Clock clock) {
        this.locks = locks;
        this.nodes = nodes;
        this.metrics = metrics;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT${nodeplane.agent.offline-check-interval-seconds}S",
            fixedDelayString = "PT${nodeplane.agent.offline-check-interval-seconds}S")
    void detectOfflineNodes() {
        underLock(DETECTOR_LOCK, () -> {
            int timeout = properties.heartbeatTimeoutSeconds();
            Instant cutoff = clock.instant().minusSeconds(timeout);
            List<SilentNode> silent = nodes.silentSince(cutoff).collectList().block(COMMAND_TIMEOUT);
            for (SilentNode node : silent == null ? List.<SilentNode>of() : silent) {
                try {
                    commands.send(new MarkNodeOfflineCommand(node.nodeId(), node.lastSeenAt(), timeout, "heartbeat_timeout"),
                            Actor.system("offline-detector-" + UUID.randomUUID())).block(COMMAND_TIMEOUT);
                } catch (RuntimeException e) {
                    log.warn("Could not mark node {} offline: {}", node.nodeId(), e.toString());
                }
            }
        });
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void deleteExpiredMetrics() {
        underLock(RETENTION_LOCK, () -> {
            Instant cutoff = clock.instant().minus(Duration.ofDays(properties.metricsRetentionDays()));
            long total = 0;
            Long deleted;
            do {
                deleted = metrics.deleteOlderThan(cutoff, 10_000).block(COMMAND_TIMEOUT);
                total += deleted == null ? 0 : deleted;
            } while (deleted != null && deleted > 0);
            if (total > 0) {
                log.info("Deleted {} metric samples older than {} days", total, properties.metricsRetentionDays());
            }
        });
    }

    private void underLock(long lock, Runnable job) {
        locks.run(lock, job);
    }
}
