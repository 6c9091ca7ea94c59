package io.nodeplane.projections.node;

import static io.nodeplane.projections.support.ProjectionWrites.changed;
import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.node.AgentInfo;
import io.nodeplane.events.node.NodeDeletedEvent;
import io.nodeplane.events.node.NodeDetailsUpdatedEvent;
import io.nodeplane.events.node.NodeMaintenanceDisabledEvent;
import io.nodeplane.events.node.NodeMaintenanceEnabledEvent;
import io.nodeplane.events.node.NodeRegisteredEvent;
import io.nodeplane.events.node.NodeReregisteredEvent;
import io.nodeplane.events.node.NodeRootAccessProfileChangedEvent;
import io.nodeplane.events.node.NodeRootAccessReportedEvent;
import io.nodeplane.events.node.NodeTeamAssignedEvent;
import io.nodeplane.events.node.NodeWentOfflineEvent;
import io.nodeplane.events.node.NodeWentOnlineEvent;
import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.projections.support.Json;
import io.nodeplane.projections.support.ProjectionWrites.Announcer;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.realtime.RealtimeBus;
import io.nodeplane.query.node.NodeViewRepository;
import io.nodeplane.query.node.NodeViewRepository.NewNode;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code node_view} (the event-sourced half of a node; reports live in {@code node_presence}).
 * Announces {@code node.status.updated} and {@code node.root-access.updated} with the stored node.
 */
@Component
@ProcessingGroup("node-view")
class NodeViewProjection {

    private final NodeViewRepository nodes;
    private final Announcer<UUID> status;
    private final Announcer<UUID> rootAccess;

    NodeViewProjection(NodeViewRepository nodes, NodeQueryService query, RealtimeBus bus) {
        this.nodes = nodes;
        this.status = announcer(query, bus, RealtimeBus.NODE_STATUS_UPDATED);
        this.rootAccess = announcer(query, bus, RealtimeBus.NODE_ROOT_ACCESS_UPDATED);
    }

    private static Announcer<UUID> announcer(NodeQueryService query, RealtimeBus bus, String type) {
        return ids -> query.byIds(ids).doOnNext(n -> bus.publish(type, n.workspaceId(), n.id(), n)).then();
    }

    @EventHandler
    void on(NodeRegisteredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        AgentInfo a = e.agent() == null ? AgentInfo.UNKNOWN : e.agent();
        write(nodes.insert(new NewNode(e.nodeId(), e.workspaceId(), e.name(), e.description(), e.hostname(), e.os(),
                e.arch(), e.online() ? "online" : "offline", e.teamId(), a.agentVersion(), a.platformVersion(),
                a.kernelVersion(), Json.of(a.location()), e.source().name().toLowerCase(Locale.ROOT)), at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeReregisteredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        AgentInfo a = e.agent() == null ? AgentInfo.UNKNOWN : e.agent();
        write(nodes.reregister(e.nodeId(), e.os(), e.arch(), a.agentVersion(), a.platformVersion(), a.kernelVersion(),
                Json.of(a.location()), at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeDetailsUpdatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.updateDetails(e.nodeId(), e.after().name(), e.after().description(), at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeTeamAssignedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.assignTeam(e.nodeId(), e.teamId(), at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeMaintenanceEnabledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.maintenance(e.nodeId(), true, e.reason(), e.byUserId(), at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeMaintenanceDisabledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.maintenance(e.nodeId(), false, null, null, at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeWentOnlineEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.status(e.nodeId(), "online", at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeWentOfflineEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.status(e.nodeId(), "offline", at, seq));
        changed(status, e.nodeId());
    }

    @EventHandler
    void on(NodeRootAccessProfileChangedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.rootAccessProfile(e.nodeId(), e.profile(), e.byUserId(), at, seq));
        changed(rootAccess, e.nodeId());
    }

    @EventHandler
    void on(NodeRootAccessReportedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.rootAccessReported(e.nodeId(), e.appliedProfile(), e.lastAppliedAt(), e.lastError(), at, seq));
        changed(rootAccess, e.nodeId());
    }

    @EventHandler
    void on(NodeDeletedEvent e) {
        write(nodes.delete(e.nodeId()));
    }

    @EventHandler
    void on(TeamDeletedEvent e) {
        write(nodes.clearTeam(e.teamId()));
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        write(nodes.deleteWorkspace(e.workspaceId()));
    }

    @ResetHandler
    void reset() {
        write(nodes.deleteAll());
    }
}
