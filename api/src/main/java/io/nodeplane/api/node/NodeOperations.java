package io.nodeplane.api.node;

import io.nodeplane.api.agent.AgentAuthenticator;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.DeletedResponse;
import io.nodeplane.command.node.NodeCommands.AssignNodeTeamCommand;
import io.nodeplane.command.node.NodeCommands.DeleteNodeCommand;
import io.nodeplane.command.node.NodeCommands.DisableNodeMaintenanceCommand;
import io.nodeplane.command.node.NodeCommands.EnableNodeMaintenanceCommand;
import io.nodeplane.command.node.NodeCommands.SetNodeRootAccessProfileCommand;
import io.nodeplane.command.node.NodeCommands.UpdateNodeCommand;
import io.nodeplane.command.task.TaskQueueSignal;
import io.nodeplane.query.node.NodeFilter;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.node.NodeView;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the workspace node routes and the platform-admin legacy routes share: the command, then the
 * node as the read model shows it once the change is applied. {@code workspaceId == null} = any workspace.
 */
@Service
class NodeOperations {

    private final NodeQueryService nodes;
    private final Commands commands;
    private final AgentAuthenticator agents;

    private final TaskQueueSignal claimSignal;

    NodeOperations(NodeQueryService nodes, Commands commands, AgentAuthenticator agents, TaskQueueSignal claimSignal) {
        this.claimSignal = claimSignal;
        this.nodes = nodes;
        this.commands = commands;
        this.agents = agents;
    }

    Flux<NodeResponse> list(UUID workspaceId, String status, UUID teamId, String q, Integer limit, Integer offset) {
        if (status != null && !status.equals("online") && !status.equals("offline")) {
            return Flux.error(new ApiException(HttpStatus.BAD_REQUEST, "INVALID_STATUS", "status must be online or offline"));
        }
        int clamped = limit == null ? 50 : Math.max(1, Math.min(100, limit));
        int skip = offset == null ? 0 : Math.max(0, offset);
        String query = q == null || q.isBlank() ? null : q.trim();
        return nodes.nodes(workspaceId, new NodeFilter(status, teamId, query, clamped, skip)).map(NodeResponse::of);
    }

    Mono<NodeResponse> get(UUID workspaceId, UUID nodeId) {
        return nodes.node(workspaceId, nodeId).switchIfEmpty(Mono.error(() -> notFound(nodeId))).map(NodeResponse::of);
    }

    Mono<NodeResponse> update(UUID workspaceId, UUID nodeId, String name, String description, Actor actor) {
        return apply(new UpdateNodeCommand(nodeId, workspaceId, name, description), actor, workspaceId, nodeId,
                n -> (name == null || name.trim().equals(n.name()))
                        && (description == null || Objects.equals(description.trim(), n.description())));
    }

    Mono<NodeResponse> assignTeam(UUID workspaceId, UUID nodeId, UUID teamId, Actor actor) {
        return apply(new AssignNodeTeamCommand(nodeId, workspaceId, teamId), actor, workspaceId, nodeId,
                n -> Objects.equals(teamId, n.teamId()));
    }

    Mono<NodeResponse> maintenance(UUID workspaceId, UUID nodeId, boolean enable, String reason, Actor actor) {
        Object command = enable ? new EnableNodeMaintenanceCommand(nodeId, workspaceId, reason, actor.userId())
                : new DisableNodeMaintenanceCommand(nodeId, workspaceId, actor.userId());
        return apply(command, actor, workspaceId, nodeId, n -> n.maintenanceMode() == enable).flatMap(this::claimsLookAgain);
    }

    Mono<NodeResponse> rootAccess(UUID workspaceId, UUID nodeId, String profile, Actor actor) {
        return apply(new SetNodeRootAccessProfileCommand(nodeId, workspaceId, profile, actor.userId()), actor, workspaceId,
                nodeId, n -> profile.equals(n.rootAccess().profile())).flatMap(this::claimsLookAgain);
    }

    // the node's claims may answer from a remembered empty lookup; once the read model shows the
    // change, they must look again (maintenance decides what is claimable, the profile is in the answer)
    private Mono<NodeResponse> claimsLookAgain(NodeResponse node) {
        return Mono.fromRunnable(() -> claimSignal.nodeChanged(node.id())).subscribeOn(Schedulers.boundedElastic())
                .thenReturn(node);
    }

    Mono<DeletedResponse> delete(UUID workspaceId, UUID nodeId, Actor actor) {
        return commands.send(new DeleteNodeCommand(nodeId, workspaceId), actor)
                .doOnSuccess(ok -> agents.evict(nodeId)) // other instances hear it from the credential trigger
                .then(ReadYourWrites.await(() -> nodes.node(workspaceId, nodeId).map(n -> false).defaultIfEmpty(true),
                        gone -> gone))
                .thenReturn(new DeletedResponse(true, nodeId));
    }

    private Mono<NodeResponse> apply(Object command, Actor actor, UUID workspaceId, UUID nodeId, Predicate<NodeView> applied) {
        return commands.send(command, actor)
                .then(ReadYourWrites.await(() -> nodes.node(workspaceId, nodeId), applied))
                .switchIfEmpty(Mono.error(() -> notFound(nodeId)))
                .map(NodeResponse::of);
    }

    static ApiException notFound(UUID nodeId) {
        return new ApiException(HttpStatus.NOT_FOUND, "NODE_NOT_FOUND", "Node " + nodeId + " was not found");
    }
}
