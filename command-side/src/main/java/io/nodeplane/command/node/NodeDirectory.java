package io.nodeplane.command.node;

import static io.nodeplane.command.support.CommandRejectedException.notFound;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Answers other contexts' command handlers about nodes, from the nodes' own events (never from a read
 * model): {@code node_facts}, kept in the transaction of those events, or, for a node older than that
 * table, the node's event stream.
 */
@Component
public class NodeDirectory {

    private final Repository<Node> nodes;
    private final NodeFactsTable table;

    NodeDirectory(Repository<Node> nodes, NodeFactsTable table) {
        this.nodes = nodes;
        this.table = table;
    }

    /** The node's facts; 404 when it does not exist or belongs to another workspace than {@code workspaceId}. */
    public NodeFacts facts(UUID nodeId, UUID workspaceId) {
        return facts(List.of(nodeId), workspaceId).get(nodeId);
    }

    /**
     * The facts of every node of {@code nodeIds}, in that order, in one read; 404 for the first that does
     * not exist or belongs to another workspace than {@code workspaceId} (any, when {@code null}).
     */
    public Map<UUID, NodeFacts> facts(Collection<UUID> nodeIds, UUID workspaceId) {
        Map<UUID, NodeFacts> found = new HashMap<>();
        table.find(nodeIds).forEach(f -> found.put(f.nodeId(), f));
        Map<UUID, NodeFacts> ordered = new LinkedHashMap<>();
        for (UUID nodeId : nodeIds) {
            NodeFacts facts = found.containsKey(nodeId) ? found.get(nodeId) : fromEvents(nodeId);
            if (workspaceId != null && !workspaceId.equals(facts.workspaceId())) {
                throw missing(nodeId);
            }
            ordered.put(nodeId, facts);
        }
        return ordered;
    }

    private NodeFacts fromEvents(UUID nodeId) {
        try {
            NodeFacts facts = nodes.load(nodeId.toString()).invoke(Node::facts);
            table.add(facts);
            return facts;
        } catch (AggregateNotFoundException e) {
            throw missing(nodeId);
        }
    }

    private static RuntimeException missing(UUID nodeId) {
        return notFound("NODE_NOT_FOUND", "Node " + nodeId + " was not found");
    }
}
