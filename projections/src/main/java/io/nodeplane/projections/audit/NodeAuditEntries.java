package io.nodeplane.projections.audit;

import io.nodeplane.events.enrollment.EnrollmentApprovedEvent;
import io.nodeplane.events.enrollment.EnrollmentInitiatedEvent;
import io.nodeplane.events.enrollment.NodeInstallConsumedEvent;
import io.nodeplane.events.enrollment.NodeInstallCreatedEvent;
import io.nodeplane.events.node.NodeDeletedEvent;
import io.nodeplane.events.node.NodeDetailsUpdatedEvent;
import io.nodeplane.events.node.NodeMaintenanceDisabledEvent;
import io.nodeplane.events.node.NodeMaintenanceEnabledEvent;
import io.nodeplane.events.node.NodeRegisteredEvent;
import io.nodeplane.events.node.NodeReregisteredEvent;
import io.nodeplane.events.node.NodeRootAccessProfileChangedEvent;
import io.nodeplane.events.node.NodeTeamAssignedEvent;
import static io.nodeplane.projections.audit.AuditEntries.after;
import static io.nodeplane.projections.audit.AuditEntries.changes;

import io.nodeplane.projections.audit.AuditEntries.Subject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Audit meaning of node, enrollment and install events. Online/offline transitions are not audit
 * entries (nobody decided them); they are operational events in {@code event_view}.
 */
final class NodeAuditEntries {

    private NodeAuditEntries() {
    }

    static Optional<Subject> subject(Object payload) {
        if (payload instanceof NodeRegisteredEvent e) {
            return node(e.workspaceId(), "node.registered", e.nodeId(), e.name(), after(fields("name", e.name(),
                    "hostname", e.hostname(), "teamId", text(e.teamId()))),
                    Map.of("hostname", e.hostname(), "source", e.source().name().toLowerCase(Locale.ROOT)));
        }
        if (payload instanceof NodeReregisteredEvent e) {
            return node(e.workspaceId(), "node.credentials.rotated", e.nodeId(), e.hostname(), null,
                    Map.of("hostname", e.hostname(), "source", "legacy_register"));
        }
        if (payload instanceof NodeDetailsUpdatedEvent e) {
            return node(e.workspaceId(), "node.updated", e.nodeId(), e.after().name(),
                    changes(details(e.before()), details(e.after())), Map.of());
        }
        if (payload instanceof NodeTeamAssignedEvent e) {
            return node(e.workspaceId(), "node.team.updated", e.nodeId(), null,
                    changes(team(e.previousTeamId()), team(e.teamId())), Map.of());
        }
        if (payload instanceof NodeMaintenanceEnabledEvent e) {
            return node(e.workspaceId(), "node.maintenance.enabled", e.nodeId(), e.hostname(),
                    changes(Map.of("maintenanceMode", false), Map.of("maintenanceMode", true)), reason(e.reason()));
        }
        if (payload instanceof NodeMaintenanceDisabledEvent e) {
            return node(e.workspaceId(), "node.maintenance.disabled", e.nodeId(), e.hostname(),
                    changes(Map.of("maintenanceMode", true), Map.of("maintenanceMode", false)), Map.of());
        }
        if (payload instanceof NodeRootAccessProfileChangedEvent e) {
            return node(e.workspaceId(), "node.root-access.updated", e.nodeId(), e.hostname(),
                    changes(fields("rootAccessProfile", e.previousProfile()), fields("rootAccessProfile", e.profile())),
                    Map.of());
        }
        if (payload instanceof NodeDeletedEvent e) {
            return node(e.workspaceId(), "node.deleted", e.nodeId(), e.name(), null, Map.of("hostname", e.hostname()));
        }
        if (payload instanceof EnrollmentInitiatedEvent e) {
            return Optional.of(new Subject("platform", null, "enrollment.initiated", "enrollment",
                    e.enrollmentId().toString(), e.hostname(), null, Map.of("email", e.email(), "hostname", e.hostname())));
        }
        if (payload instanceof EnrollmentApprovedEvent e) {
            return Optional.of(new Subject("workspace", e.workspaceId(), "enrollment.approved", "enrollment",
                    e.enrollmentId().toString(), e.hostname(), null,
                    Map.of("nodeId", e.nodeId().toString(), "nodeName", e.nodeName())));
        }
        if (payload instanceof NodeInstallCreatedEvent e) {
            return Optional.of(new Subject("workspace", e.workspaceId(), "node-install.created", "node_install",
                    e.installId().toString(), e.nodeName(), null, fields("teamId", text(e.teamId()))));
        }
        if (payload instanceof NodeInstallConsumedEvent e) {
            return Optional.of(new Subject("workspace", e.workspaceId(), "node-install.consumed", "node_install",
                    e.installId().toString(), e.hostname(), null, Map.of("nodeId", e.nodeId().toString())));
        }
        return TaskAuditEntries.subject(payload);
    }

    private static Optional<Subject> node(UUID workspaceId, String action, UUID nodeId, String label,
                                          Map<String, Object> changes, Map<String, Object> metadata) {
        return Optional.of(new Subject("workspace", workspaceId, action, "node", nodeId.toString(), label, changes, metadata));
    }

    private static Map<String, Object> details(NodeDetailsUpdatedEvent.Details d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", d.name());
        map.put("description", d.description());
        return map;
    }

    private static Map<String, Object> team(UUID teamId) {
        return fields("teamId", text(teamId));
    }

    private static Map<String, Object> reason(String reason) {
        return fields("reason", reason);
    }

    /** Like {@code Map.of}, but keeps {@code null} values (an absent team is part of the record). */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
