package io.nodeplane.api.agent;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.command.node.NodeCommands.MarkNodeOnlineCommand;
import io.nodeplane.query.event.OperationalEvent;
import io.nodeplane.query.event.OperationalEventRepository;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.realtime.RealtimeBus;
import io.nodeplane.query.telemetry.BatchWriter;
import io.nodeplane.query.telemetry.MetricSample;
import io.nodeplane.query.telemetry.MetricsStore;
import io.nodeplane.query.telemetry.PresenceReport;
import io.nodeplane.query.telemetry.PresenceStore;
import io.nodeplane.query.telemetry.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Agent telemetry (ARCHITECTURE flow 2): metric samples and "last seen" reports go straight to their
 * tables through group-commit writers, never through the event store. A report answers once its
 * batch is stored, so an acknowledged report is never lost; a stored sample is then announced as
 * {@code metrics.ingested}. After each presence batch, nodes the
 * read model still shows offline get their one state transition as a command.
 */
@Component
public class TelemetryIngest {

    /** Counters for {@code /diagnostics/task-flow}, since this instance started. */
    final java.util.concurrent.atomic.AtomicLong metricsIngested = new java.util.concurrent.atomic.AtomicLong();
    volatile Instant lastAgentSeenAt;

    private static final Logger log = LoggerFactory.getLogger(TelemetryIngest.class);

    private final BatchWriter<MetricSample> metrics;
    private final BatchWriter<PresenceReport> presence;
    private final PresenceStore presenceStore;
    private final NodeQueryService nodes;
    private final OperationalEventRepository events;
    private final Commands commands;
    private final AgentProperties properties;
    private final Clock clock;
    private final RealtimeBus bus;
    private final Set<UUID> goingOnline = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Instant> lastHighCpu = new ConcurrentHashMap<>();

    TelemetryIngest(MetricsStore metricsStore, PresenceStore presenceStore, NodeQueryService nodes,
                    OperationalEventRepository events, Commands commands, AgentProperties properties, Clock clock,
                    RealtimeBus bus) {
        this.bus = bus;
        this.presenceStore = presenceStore;
        this.nodes = nodes;
        this.events = events;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.metrics = new BatchWriter<>("metrics", metricsStore::insert, 2000, 100_000, 2);
        this.presence = new BatchWriter<>("presence", this::writePresence, 5000, 100_000, 1);
    }

    /** Stores a metric sample (and the report it implies); completes with the stored row. */
    public Mono<MetricSample> metric(AgentIdentity agent, MetricValues v, String agentVersion, String locationJson) {
        Instant now = clock.instant();
        MetricSample sample = new MetricSample(TimeOrderedIds.at(now.toEpochMilli()), agent.workspaceId(), agent.nodeId(),
                v.cpu(), v.memory(), v.disk(), v.temperature(), v.networkStats(), now);
        PresenceReport report = new PresenceReport(agent.nodeId(), now, agentVersion, null, null, locationJson);
        return Mono.when(metrics.submit(sample), presence.submit(report))
                .then(highCpu(agent, v.cpu(), now))
                .doOnSuccess(done -> {
                    metricsIngested.incrementAndGet();
                    lastAgentSeenAt = now;
                    bus.publish(RealtimeBus.METRICS_INGESTED, sample.workspaceId(), sample.nodeId(), sample);
                })
                .thenReturn(sample);
    }

    /** Records that the node reported; completes with the time it was seen. */
    public Mono<Instant> heartbeat(AgentIdentity agent, String agentVersion, String platformVersion, String kernelVersion,
                                   String locationJson) {
        Instant now = clock.instant();
        return presence.submit(new PresenceReport(agent.nodeId(), now, agentVersion, platformVersion, kernelVersion,
                locationJson)).doOnSuccess(done -> lastAgentSeenAt = now).thenReturn(now);
    }

    private Mono<Void> writePresence(List<PresenceReport> batch) {
        List<UUID> ids = batch.stream().map(PresenceReport::nodeId).distinct().toList();
        return presenceStore.upsert(batch)
                .then(nodes.offlineAmong(ids).collectList())
                .doOnNext(offline -> offline.forEach(this::bringOnline))
                .then();
    }

    private void bringOnline(UUID nodeId) {
        if (!goingOnline.add(nodeId)) {
            return; // a transition for this node is already on its way
        }
        commands.send(new MarkNodeOnlineCommand(nodeId, "agent_report"), Actor.system("telemetry-" + nodeId))
                .doFinally(s -> goingOnline.remove(nodeId))
                .subscribe(null, e -> log.warn("Could not mark node {} online: {}", nodeId, e.toString()));
    }

    /** {@code high.cpu} is telemetry-born: at most one per node per interval, written straight to the events table. */
    private Mono<Void> highCpu(AgentIdentity agent, double cpu, Instant now) {
        double threshold = properties.highCpuThreshold();
        if (cpu < threshold) {
            return Mono.empty();
        }
        Instant last = lastHighCpu.get(agent.nodeId());
        if (last != null && last.plusSeconds(properties.highCpuEventIntervalSeconds()).isAfter(now)
                || !replace(agent.nodeId(), last, now)) {
            return Mono.empty();
        }
        String severity = cpu >= threshold + 5 ? "critical" : "warning";
        String message = String.format(java.util.Locale.ROOT, "CPU usage %.1f%% is at or above %.0f%%", cpu, threshold);
        String metadata = String.format(java.util.Locale.ROOT, "{\"cpuUsage\":%s,\"threshold\":%s}", cpu, threshold);
        OperationalEvent event = new OperationalEvent(TimeOrderedIds.at(now.toEpochMilli()), agent.workspaceId(),
                agent.nodeId(), "high.cpu", severity, message, metadata, now);
        return events.insert(event, null)
                .doOnSuccess(done -> bus.publish(RealtimeBus.EVENT_CREATED, event.workspaceId(), event.nodeId(), event));
    }

    private boolean replace(UUID nodeId, Instant expected, Instant now) {
        return expected == null ? lastHighCpu.putIfAbsent(nodeId, now) == null : lastHighCpu.replace(nodeId, expected, now);
    }
}
