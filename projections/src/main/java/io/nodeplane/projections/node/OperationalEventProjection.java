package io.nodeplane.projections.node;

import io.nodeplane.events.node.NodeDeletedEvent;
import io.nodeplane.events.node.NodeMaintenanceDisabledEvent;
import io.nodeplane.events.node.NodeMaintenanceEnabledEvent;
import io.nodeplane.events.node.NodeRegisteredEvent;
import io.nodeplane.events.node.NodeRootAccessProfileChangedEvent;
import io.nodeplane.events.node.NodeWentOfflineEvent;
import io.nodeplane.events.node.NodeWentOnlineEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.projections.support.OperationalEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code event_view}: what happened to nodes, in operators' words (contract §2.1 types and
 * severities). Each row takes its source event's id, so a replay writes nothing twice.
 */
@Component
@ProcessingGroup("event-view")
class OperationalEventProjection {

    private final OperationalEvents events;

    OperationalEventProjection(OperationalEvents events) {
        this.events = events;
    }

    @EventHandler
    void on(NodeRegisteredEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        String source = e.source().name().toLowerCase(Locale.ROOT);
        record(id, e.workspaceId(), e.nodeId(), "node.registered", "info",
                "Node " + e.name() + " (" + e.hostname() + ") registered", Map.of("hostname", e.hostname(), "source", source), at);
    }

    @EventHandler
    void on(NodeWentOnlineEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        record(id, e.workspaceId(), e.nodeId(), "node.online", "info", "Node " + e.hostname() + " is back online",
                Map.of("source", e.source()), at);
    }

    @EventHandler
    void on(NodeWentOfflineEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String message;
        if ("agent_realtime".equals(e.source())) {
            metadata.put("disconnectSource", "agent_realtime");
            message = "Node " + e.hostname() + " went offline after its realtime route disconnected";
        } else {
            metadata.put("heartbeatTimeoutSeconds", e.heartbeatTimeoutSeconds());
            message = "Node " + e.hostname() + " went offline: no heartbeat for " + e.heartbeatTimeoutSeconds() + " seconds";
        }
        metadata.put("lastSeenAt", e.lastSeenAt() == null ? null : e.lastSeenAt().toString());
        record(id, e.workspaceId(), e.nodeId(), "node.offline", "warning", message, metadata, at);
    }

    @EventHandler
    void on(NodeMaintenanceEnabledEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reason", e.reason());
        metadata.put("byUserId", e.byUserId() == null ? null : e.byUserId().toString());
        record(id, e.workspaceId(), e.nodeId(), "node.maintenance.enabled", "info",
                "Node " + e.hostname() + " entered maintenance mode" + (e.reason() == null ? "" : ": " + e.reason()),
                metadata, at);
    }

    @EventHandler
    void on(NodeMaintenanceDisabledEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("byUserId", e.byUserId() == null ? null : e.byUserId().toString());
        record(id, e.workspaceId(), e.nodeId(), "node.maintenance.disabled", "info",
                "Node " + e.hostname() + " left maintenance mode", metadata, at);
    }

    @EventHandler
    void on(NodeRootAccessProfileChangedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("previousProfile", e.previousProfile());
        metadata.put("profile", e.profile());
        metadata.put("byUserId", e.byUserId() == null ? null : e.byUserId().toString());
        record(id, e.workspaceId(), e.nodeId(), "node.root-access.updated", "warning",
                "Root access of node " + e.hostname() + " set to " + e.profile(), metadata, at);
    }

    @EventHandler
    void on(NodeDeletedEvent e, @MessageIdentifier String id, @Timestamp Instant at) {
        record(id, e.workspaceId(), e.nodeId(), "node.deleted", "info", "Node " + e.name() + " (" + e.hostname()
                + ") was deleted", Map.of("hostname", e.hostname()), at);
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        events.deleteWorkspace(e.workspaceId());
    }

    @ResetHandler
    void reset() {
        events.deleteProjected();
    }

    private void record(String messageId, UUID workspaceId, UUID nodeId, String type, String severity, String message,
                        Map<String, Object> metadata, Instant at) {
        events.record(messageId, workspaceId, nodeId, type, severity, message, metadata, at);
    }
}
