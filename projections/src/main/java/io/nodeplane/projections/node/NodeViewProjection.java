package io.nodeplane.projections.node;

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
import io.nodeplane.query.node.NodeViewRepository;
import io.nodeplane.query.node.NodeViewRepository.NewNode;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code node_view} (the event-sourced half of a node; reports live in {@code node_presence}). */
@Component
@ProcessingGroup("node-view")
class NodeViewProjection {

    private final NodeViewRepository nodes;

    NodeViewProjection(NodeViewRepository nodes) {
        this.nodes = nodes;
    }

    @EventHandler
    void on(NodeRegisteredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        AgentInfo a = e.agent() == null ? AgentInfo.UNKNOWN : e.agent();
        write(nodes.insert(new NewNode(e.nodeId(), e.workspaceId(), e.name(), e.description(), e.hostname(), e.os(),
                e.arch(), e.online() ? "online" : "offline", e.teamId(), a.agentVersion(), a.platformVersion(),
                a.kernelVersion(), Json.of(a.location()), e.source().name().toLowerCase(Locale.ROOT)), at, seq));
    }

    @EventHandler
    void on(NodeReregisteredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        AgentInfo a = e.agent() == null ? AgentInfo.UNKNOWN : e.agent();
        write(nodes.reregister(e.nodeId(), e.os(), e.arch(), a.agentVersion(), a.platformVersion(), a.kernelVersion(),
                Json.of(a.location()), at, seq));
    }

    @EventHandler
    void on(NodeDetailsUpdatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.updateDetails(e.nodeId(), e.after().name(), e.after().description(), at, seq));
    }

    @EventHandler
    void on(NodeTeamAssignedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.assignTeam(e.nodeId(), e.teamId(), at, seq));
    }

    @EventHandler
    void on(NodeMaintenanceEnabledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.maintenance(e.nodeId(), true, e.reason(), e.byUserId(), at, seq));
    }

    @EventHandler
    void on(NodeMaintenanceDisabledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.maintenance(e.nodeId(), false, null, null, at, seq));
    }

    @EventHandler
    void on(NodeWentOnlineEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.status(e.nodeId(), "online", at, seq));
    }

    @EventHandler
    void on(NodeWentOfflineEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.status(e.nodeId(), "offline", at, seq));
    }

    @EventHandler
    void on(NodeRootAccessProfileChangedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.rootAccessProfile(e.nodeId(), e.profile(), e.byUserId(), at, seq));
    }

    @EventHandler
    void on(NodeRootAccessReportedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(nodes.rootAccessReported(e.nodeId(), e.appliedProfile(), e.lastAppliedAt(), e.lastError(), at, seq));
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
