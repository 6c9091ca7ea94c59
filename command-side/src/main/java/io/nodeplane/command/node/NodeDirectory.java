package io.nodeplane.command.node;

import static io.nodeplane.command.support.CommandRejectedException.notFound;

import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Answers other contexts' command handlers from a node's own events (never from a read model). */
@Component
public class NodeDirectory {

    private final Repository<Node> nodes;

    NodeDirectory(Repository<Node> nodes) {
        this.nodes = nodes;
    }

    /** The node's facts; 404 when it does not exist or belongs to another workspace than {@code workspaceId}. */
    public NodeFacts facts(UUID nodeId, UUID workspaceId) {
        try {
            NodeFacts facts = nodes.load(nodeId.toString()).invoke(Node::facts);
            if (workspaceId != null && !workspaceId.equals(facts.workspaceId())) {
                throw missing(nodeId);
            }
            return facts;
        } catch (AggregateNotFoundException e) {
            throw missing(nodeId);
        }
    }

    private static RuntimeException missing(UUID nodeId) {
        return notFound("NODE_NOT_FOUND", "Node " + nodeId + " was not found");
    }
}
