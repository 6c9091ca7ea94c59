package io.nodeplane.query.node;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive queries over nodes. {@code workspaceId == null} means every workspace (platform admin routes). */
@Service
public class NodeQueryService {

    private final NodeViewRepository nodes;

    NodeQueryService(NodeViewRepository nodes) {
        this.nodes = nodes;
    }

    public Flux<NodeView> nodes(UUID workspaceId, NodeFilter filter) {
        return nodes.find(workspaceId, filter);
    }

    /** One node; empty when it does not exist or lies outside {@code workspaceId}. */
    public Mono<NodeView> node(UUID workspaceId, UUID nodeId) {
        return nodes.findById(workspaceId, nodeId);
    }

    /** The nodes with these ids, in any workspace (for announcing changes). */
    public Flux<NodeView> byIds(java.util.Collection<UUID> ids) {
        return Flux.fromIterable(ids).concatMap(id -> nodes.findById(null, id));
    }

    public Flux<UUID> offlineAmong(List<UUID> nodeIds) {
        return nodeIds.isEmpty() ? Flux.empty() : nodes.findOffline(nodeIds);
    }

    public Flux<SilentNode> silentSince(Instant cutoff) {
        return nodes.findSilent(cutoff);
    }
}
