package io.nodeplane.command.node;

import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.node.NodeCommands.AssignNodeTeamCommand;
import io.nodeplane.command.node.NodeCommands.DeleteNodeCommand;
import io.nodeplane.command.node.NodeCommands.DisableNodeMaintenanceCommand;
import io.nodeplane.command.node.NodeCommands.EnableNodeMaintenanceCommand;
import io.nodeplane.command.node.NodeCommands.MarkNodeOfflineCommand;
import io.nodeplane.command.node.NodeCommands.MarkNodeOnlineCommand;
import io.nodeplane.command.node.NodeCommands.RegisterAgentCommand;
import io.nodeplane.command.node.NodeCommands.ReportNodeRootAccessCommand;
import io.nodeplane.command.node.NodeCommands.SetNodeRootAccessProfileCommand;
import io.nodeplane.command.node.NodeCommands.UpdateNodeCommand;
import io.nodeplane.command.node.NodeRegistrar.Registration;
import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.node.AgentInfo;
import io.nodeplane.events.node.NodeRegistrationSource;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Node commands: checks what the node cannot know (its workspace is writable, the team exists, the
 * caller's workspace is the node's), then lets the node decide.
 */
@Component
class NodeCommandHandler {

    private final Repository<Node> nodes;
    private final WorkspaceDirectory workspaces;
    private final NodeCredentials credentials;
    private final NodeRegistrar registrar;
    private final UniqueKeys uniqueKeys;

    NodeCommandHandler(Repository<Node> nodes, WorkspaceDirectory workspaces, NodeCredentials credentials,
                       NodeRegistrar registrar, UniqueKeys uniqueKeys) {
        this.nodes = nodes;
        this.workspaces = workspaces;
        this.credentials = credentials;
        this.registrar = registrar;
        this.uniqueKeys = uniqueKeys;
    }

    @CommandHandler
    void handle(UpdateNodeCommand c) {
        writable(c.nodeId(), c.workspaceId()).execute(n -> n.update(c.name(), c.description()));
    }

    @CommandHandler
    void handle(AssignNodeTeamCommand c) {
        Aggregate<Node> node = writable(c.nodeId(), c.workspaceId());
        if (c.teamId() != null) {
            workspaces.requireTeam(node.invoke(Node::workspaceId), c.teamId());
        }
        node.execute(n -> n.assignTeam(c.teamId()));
    }

    @CommandHandler
    void handle(EnableNodeMaintenanceCommand c) {
        writable(c.nodeId(), c.workspaceId()).execute(n -> n.enableMaintenance(c.reason(), c.byUserId()));
    }

    @CommandHandler
    void handle(DisableNodeMaintenanceCommand c) {
        writable(c.nodeId(), c.workspaceId()).execute(n -> n.disableMaintenance(c.byUserId()));
    }

    @CommandHandler
    void handle(SetNodeRootAccessProfileCommand c) {
        writable(c.nodeId(), c.workspaceId()).execute(n -> n.setRootAccessProfile(c.profile(), c.byUserId()));
    }

    @CommandHandler
    void handle(DeleteNodeCommand c) {
        Aggregate<Node> node = writable(c.nodeId(), c.workspaceId());
        String hostname = node.invoke(Node::hostname);
        node.execute(Node::delete);
        credentials.revoke(c.nodeId());
        uniqueKeys.release(UniqueKeys.NODE_HOSTNAME, NodeRegistrar.hostnameKey(hostname), c.nodeId());
    }

    @CommandHandler
    void handle(ReportNodeRootAccessCommand c) {
        load(c.nodeId(), null).execute(n -> n.reportRootAccess(c.appliedProfile(), c.lastAppliedAt(), c.lastError()));
    }

    @CommandHandler
    void handle(MarkNodeOnlineCommand c) {
        load(c.nodeId(), null).execute(n -> n.markOnline(c.source()));
    }

    @CommandHandler
    void handle(MarkNodeOfflineCommand c) {
        load(c.nodeId(), null).execute(n -> n.markOffline(c.lastSeenAt(), c.heartbeatTimeoutSeconds(), c.source()));
    }

    @CommandHandler
    UUID handle(RegisterAgentCommand c) throws Exception {
        UUID existing = uniqueKeys.holder(UniqueKeys.NODE_HOSTNAME, NodeRegistrar.hostnameKey(c.hostname()));
        AgentInfo agent = c.agent() == null ? AgentInfo.UNKNOWN : c.agent();
        if (existing != null) {
            Aggregate<Node> node = load(existing, null);
            node.execute(n -> n.reregister(NodeRegistrar.orUnknown(agent.os()), NodeRegistrar.orUnknown(agent.arch()), agent));
            credentials.store(existing, node.invoke(Node::workspaceId), c.tokenSha256());
            node.execute(n -> n.markOnline("register"));
            return existing;
        }
        UUID workspaceId = workspaces.defaultWorkspace();
        registrar.register(new Registration(c.newNodeId(), workspaceId, c.hostname(), null, c.hostname(), null, agent,
                NodeRegistrationSource.LEGACY_REGISTER, true, c.tokenSha256()));
        return c.newNodeId();
    }

    private Aggregate<Node> writable(UUID nodeId, UUID workspaceId) {
        Aggregate<Node> node = load(nodeId, workspaceId);
        workspaces.requireWritable(node.invoke(Node::workspaceId));
        return node;
    }

    private Aggregate<Node> load(UUID nodeId, UUID workspaceId) {
        try {
            Aggregate<Node> node = nodes.load(nodeId.toString());
            if (workspaceId != null && !workspaceId.equals(node.invoke(Node::workspaceId))) {
                throw missing(nodeId);
            }
            return node;
        } catch (AggregateNotFoundException e) {
            throw missing(nodeId);
        }
    }

    private static RuntimeException missing(UUID nodeId) {
        return notFound("NODE_NOT_FOUND", "Node " + nodeId + " was not found");
    }
}
