package io.nodeplane.command.node;

import io.nodeplane.events.node.NodeDeletedEvent;
import io.nodeplane.events.node.NodeDetailsUpdatedEvent;
import io.nodeplane.events.node.NodeMaintenanceDisabledEvent;
import io.nodeplane.events.node.NodeMaintenanceEnabledEvent;
import io.nodeplane.events.node.NodeRegisteredEvent;
import io.nodeplane.events.node.NodeRootAccessReportedEvent;
import io.nodeplane.events.node.NodeTeamAssignedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code node_facts}: a node's {@link NodeFacts}, kept by a subscribing handler (group
 * {@code node-facts}) in the transaction that stores the node's events, so a command never sees it
 * behind the node.
 */
@Component
@ProcessingGroup("node-facts")
class NodeFactsTable {

    private static final String COLUMNS =
            "node_id, workspace_id, name, hostname, team_id, maintenance, maintenance_reason, applied_root_profile";

    private final JdbcTemplate jdbc;

    NodeFactsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<NodeFacts> find(Collection<UUID> nodeIds) {
        return jdbc.query("SELECT " + COLUMNS + " FROM node_facts WHERE node_id = ANY (?)",
                (rs, n) -> facts(rs), (Object) nodeIds.toArray(UUID[]::new));
    }

    /** Adds a node that predates the table; a row written meanwhile by its events wins. */
    void add(NodeFacts f) {
        jdbc.update("INSERT INTO node_facts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                f.nodeId(), f.workspaceId(), f.name(), f.hostname(), f.teamId(), f.maintenance(), f.maintenanceReason(),
                f.appliedRootProfile());
    }

    @EventHandler
    void on(NodeRegisteredEvent e) {
        add(new NodeFacts(e.nodeId(), e.workspaceId(), e.name(), e.hostname(), e.teamId(), false, null, "off"));
    }

    @EventHandler
    void on(NodeDetailsUpdatedEvent e) {
        jdbc.update("UPDATE node_facts SET name = ? WHERE node_id = ?", e.after().name(), e.nodeId());
    }

    @EventHandler
    void on(NodeTeamAssignedEvent e) {
        jdbc.update("UPDATE node_facts SET team_id = ? WHERE node_id = ?", e.teamId(), e.nodeId());
    }

    @EventHandler
    void on(NodeMaintenanceEnabledEvent e) {
        jdbc.update("UPDATE node_facts SET maintenance = TRUE, maintenance_reason = ? WHERE node_id = ?", e.reason(),
                e.nodeId());
    }

    @EventHandler
    void on(NodeMaintenanceDisabledEvent e) {
        jdbc.update("UPDATE node_facts SET maintenance = FALSE, maintenance_reason = NULL WHERE node_id = ?", e.nodeId());
    }

    @EventHandler
    void on(NodeRootAccessReportedEvent e) {
        jdbc.update("UPDATE node_facts SET applied_root_profile = ? WHERE node_id = ?",
                e.appliedProfile() == null ? "off" : e.appliedProfile(), e.nodeId());
    }

    @EventHandler
    void on(NodeDeletedEvent e) {
        jdbc.update("DELETE FROM node_facts WHERE node_id = ?", e.nodeId());
    }

    private static NodeFacts facts(ResultSet rs) throws SQLException {
        return new NodeFacts(rs.getObject("node_id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("name"), rs.getString("hostname"), rs.getObject("team_id", UUID.class),
                rs.getBoolean("maintenance"), rs.getString("maintenance_reason"), rs.getString("applied_root_profile"));
    }
}
