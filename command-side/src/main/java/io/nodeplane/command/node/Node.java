package io.nodeplane.command.node;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.nodeplane.events.node.AgentInfo;
import io.nodeplane.events.node.NodeDeletedEvent;
import io.nodeplane.events.node.NodeDetailsUpdatedEvent;
import io.nodeplane.events.node.NodeDetailsUpdatedEvent.Details;
import io.nodeplane.events.node.NodeMaintenanceDisabledEvent;
import io.nodeplane.events.node.NodeMaintenanceEnabledEvent;
import io.nodeplane.events.node.NodeRegisteredEvent;
import io.nodeplane.events.node.NodeReregisteredEvent;
import io.nodeplane.events.node.NodeRootAccessProfileChangedEvent;
import io.nodeplane.events.node.NodeRootAccessReportedEvent;
import io.nodeplane.events.node.NodeTeamAssignedEvent;
import io.nodeplane.events.node.NodeWentOfflineEvent;
import io.nodeplane.events.node.NodeWentOnlineEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A node of a workspace. Decides its own transitions (details, team, maintenance, online/offline,
 * deletion); rules that need other aggregates (hostname uniqueness, archived workspaces, team
 * existence) are checked by {@link NodeCommandHandler} before it asks the node.
 */
@Aggregate
class Node {

    static final int NAME_MAX = 120;
    /** Contract §2.1 root-access profiles. */
    static final Set<String> ROOT_ACCESS_PROFILES = Set.of("off", "operational", "task", "terminal", "operational_task",
            "operational_terminal", "task_terminal", "all");

    @AggregateIdentifier
    private UUID nodeId;
    private UUID workspaceId;
    private String hostname;
    private Details details;
    private UUID teamId;
    private String maintenanceReason;
    private boolean maintenance;
    private boolean online;
    private String rootAccessProfile = "off";
    private String appliedProfile;
    private Instant lastAppliedAt;
    private String lastError;

    Node() {
        // for Axon
    }

    Node(NodeRegisteredEvent registered) {
        apply(registered);
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String hostname() {
        return hostname;
    }

    NodeFacts facts() {
        return new NodeFacts(nodeId, workspaceId, details.name(), hostname, teamId, maintenance, maintenanceReason,
                appliedProfile == null ? "off" : appliedProfile);
    }

    /** Records the agent's root-access report when it says something new. */
    void reportRootAccess(String applied, Instant appliedAt, String error) {
        String profile = applied != null && ROOT_ACCESS_PROFILES.contains(applied) ? applied : null;
        if (!Objects.equals(profile, appliedProfile) || !Objects.equals(appliedAt, lastAppliedAt)
                || !Objects.equals(error, lastError)) {
            apply(new NodeRootAccessReportedEvent(nodeId, workspaceId, hostname, profile, appliedAt, error));
        }
    }

    void reregister(String os, String arch, AgentInfo agent) {
        apply(new NodeReregisteredEvent(nodeId, workspaceId, hostname, os, arch, agent));
    }

    void update(String name, String description) {
        Details next = new Details(name == null ? details.name() : validName(name),
                description == null ? details.description() : description.trim());
        if (!next.equals(details)) {
            apply(new NodeDetailsUpdatedEvent(nodeId, workspaceId, details, next));
        }
    }

    void assignTeam(UUID team) {
        if (!Objects.equals(team, teamId)) {
            apply(new NodeTeamAssignedEvent(nodeId, workspaceId, teamId, team));
        }
    }

    void enableMaintenance(String reason, UUID byUserId) {
        String trimmed = reason == null || reason.isBlank() ? null : reason.trim();
        if (!maintenance || !Objects.equals(trimmed, maintenanceReason)) {
            apply(new NodeMaintenanceEnabledEvent(nodeId, workspaceId, hostname, trimmed, byUserId));
        }
    }

    void disableMaintenance(UUID byUserId) {
        if (maintenance) {
            apply(new NodeMaintenanceDisabledEvent(nodeId, workspaceId, hostname, byUserId));
        }
    }

    void markOnline(String source) {
        if (!online) {
            apply(new NodeWentOnlineEvent(nodeId, workspaceId, hostname, source));
        }
    }

    void markOffline(Instant lastSeenAt, Integer timeoutSeconds, String source) {
        if (online) {
            apply(new NodeWentOfflineEvent(nodeId, workspaceId, hostname, lastSeenAt, timeoutSeconds, source));
        }
    }

    void setRootAccessProfile(String profile, UUID byUserId) {
        if (profile == null || !ROOT_ACCESS_PROFILES.contains(profile)) {
            throw badRequest("ROOT_ACCESS_PROFILE_INVALID", "profile must be one of " + String.join(", ",
                    new java.util.TreeSet<>(ROOT_ACCESS_PROFILES)));
        }
        if (!profile.equals(rootAccessProfile)) {
            apply(new NodeRootAccessProfileChangedEvent(nodeId, workspaceId, hostname, rootAccessProfile, profile, byUserId));
        }
    }

    void delete() {
        apply(new NodeDeletedEvent(nodeId, workspaceId, hostname, details.name()));
    }

    static String validName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.length() < 2 || trimmed.length() > NAME_MAX) {
            throw badRequest("NODE_NAME_INVALID", "name must be 2 to " + NAME_MAX + " characters");
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(NodeRegisteredEvent e) {
        nodeId = e.nodeId();
        workspaceId = e.workspaceId();
        hostname = e.hostname();
        details = new Details(e.name(), e.description());
        teamId = e.teamId();
        online = e.online();
    }

    @EventSourcingHandler
    void on(NodeDetailsUpdatedEvent e) {
        details = e.after();
    }

    @EventSourcingHandler
    void on(NodeTeamAssignedEvent e) {
        teamId = e.teamId();
    }

    @EventSourcingHandler
    void on(NodeMaintenanceEnabledEvent e) {
        maintenance = true;
        maintenanceReason = e.reason();
    }

    @EventSourcingHandler
    void on(NodeMaintenanceDisabledEvent e) {
        maintenance = false;
        maintenanceReason = null;
    }

    @EventSourcingHandler
    void on(NodeWentOnlineEvent e) {
        online = true;
    }

    @EventSourcingHandler
    void on(NodeWentOfflineEvent e) {
        online = false;
    }

    @EventSourcingHandler
    void on(NodeRootAccessProfileChangedEvent e) {
        rootAccessProfile = e.profile();
    }

    @EventSourcingHandler
    void on(NodeRootAccessReportedEvent e) {
        appliedProfile = e.appliedProfile();
        lastAppliedAt = e.lastAppliedAt();
        lastError = e.lastError();
    }

    @EventSourcingHandler
    void on(NodeDeletedEvent e) {
        markDeleted();
    }
}
