package io.nodeplane.api.realtime;

import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.query.node.NodeQueryService;
import io.nodeplane.query.workspace.WorkspaceQueryService;
import io.nodeplane.query.workspace.WorkspaceView;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which streams a realtime client may join, for every transport: a workspace it may read, a node of such a
 * workspace. A refusal never tells a workspace or node it cannot see from one that does not exist.
 */
@Service
class RealtimeAccess {

    private final WorkspaceAccess access;
    private final WorkspaceQueryService workspaces;
    private final NodeQueryService nodes;

    RealtimeAccess(WorkspaceAccess access, WorkspaceQueryService workspaces, NodeQueryService nodes) {
        this.access = access;
        this.workspaces = workspaces;
        this.nodes = nodes;
    }

    /** Every workspace the user may read (all of them for a platform admin). */
    Flux<UUID> readableWorkspaces(AuthenticatedUser user) {
        return workspaces.visibleTo(user.id(), user.isPlatformAdmin()).map(WorkspaceView::id);
    }

    /** The workspace, when the user may read it; 404 otherwise. */
    Mono<UUID> workspace(AuthenticatedUser user, UUID workspaceId) {
        return access.require(user, workspaceId, READ).map(WorkspaceView::id);
    }

    /** The node's workspace, when the user may read it; 404 {@code NODE_NOT_FOUND} otherwise. */
    Mono<UUID> nodeWorkspace(AuthenticatedUser user, UUID nodeId) {
        return nodes.node(null, nodeId)
                .flatMap(node -> access.require(user, node.workspaceId(), READ).map(WorkspaceView::id))
                .onErrorResume(ApiException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "NODE_NOT_FOUND",
                        "Node " + nodeId + " was not found")));
    }
}
