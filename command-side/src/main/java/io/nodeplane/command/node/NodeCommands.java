package io.nodeplane.command.node;

import io.nodeplane.events.node.AgentInfo;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on nodes. {@code workspaceId} is the workspace of the route the operator used; a node
 * outside it does not exist for the caller (404). {@code null} means a platform-wide (legacy) route.
 */
public final class NodeCommands {

    private NodeCommands() {
    }

    /** Rename or re-describe a node; {@code null} keeps a field. */
    public record UpdateNodeCommand(@TargetAggregateIdentifier UUID nodeId, UUID workspaceId, String name,
                                    String description) {
    }

    /** Remove a node and revoke its agent credential. */
    public record DeleteNodeCommand(@TargetAggregateIdentifier UUID nodeId, UUID workspaceId) {
    }

    /** Give a node to a team of its workspace, or to none ({@code teamId == null}). */
    public record AssignNodeTeamCommand(@TargetAggregateIdentifier UUID nodeId, UUID workspaceId, UUID teamId) {
    }

    /** Stop new work from reaching a node. */
    public record EnableNodeMaintenanceCommand(@TargetAggregateIdentifier UUID nodeId, UUID workspaceId, String reason,
                                               UUID byUserId) {
    }

    /** Let work reach a node again. */
    public record DisableNodeMaintenanceCommand(@TargetAggregateIdentifier UUID nodeId, UUID workspaceId,
                                                UUID byUserId) {
    }

    /** Choose the root access the node's agent should allow: {@code off|operational|task|terminal|…|all}. */
    public record SetNodeRootAccessProfileCommand(@TargetAggregateIdentifier UUID nodeId, UUID workspaceId,
                                                  String profile, UUID byUserId) {
    }

    /** The agent's root-access report (claim body or {@code agent.auth}); recorded only when it changed. */
    public record ReportNodeRootAccessCommand(@TargetAggregateIdentifier UUID nodeId, String appliedProfile,
                                              Instant lastAppliedAt, String lastError) {
    }

    /** A report arrived from a node believed offline; a no-op when it is already online. */
    public record MarkNodeOnlineCommand(@TargetAggregateIdentifier UUID nodeId, String source) {
    }

    /** A node fell silent; a no-op when it is already offline. */
    public record MarkNodeOfflineCommand(@TargetAggregateIdentifier UUID nodeId, Instant lastSeenAt,
                                         Integer heartbeatTimeoutSeconds, String source) {
    }

    /**
     * Deprecated shared-token registration: creates the node in the default workspace, or, when the
     * hostname is known, rotates that node's credential. Answers the node's id.
     *
     * @param newNodeId the id to use if a node has to be created
     */
    public record RegisterAgentCommand(UUID newNodeId, String hostname, AgentInfo agent, byte[] tokenSha256) {
    }
}
