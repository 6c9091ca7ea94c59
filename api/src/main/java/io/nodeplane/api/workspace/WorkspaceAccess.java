package io.nodeplane.api.workspace;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.query.workspace.WorkspaceQueryService;
import io.nodeplane.query.workspace.WorkspaceView;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The workspace security boundary: every workspace route asks here first. A workspace the caller
 * cannot see does not exist for them (404, no existence leak); a member lacking the permission gets 403.
 */
@Service
public class WorkspaceAccess {

    private final WorkspaceQueryService workspaces;

    WorkspaceAccess(WorkspaceQueryService workspaces) {
        this.workspaces = workspaces;
    }

    public Mono<WorkspaceView> require(AuthenticatedUser user, UUID workspaceId, WorkspacePermission permission) {
        boolean platformAdmin = user.isPlatformAdmin();
        return workspaces.byId(workspaceId, user.id())
                .filter(ws -> platformAdmin || ws.currentUserRole() != null)
                .switchIfEmpty(Mono.error(() -> notFound(workspaceId)))
                .flatMap(ws -> platformAdmin || permission.grantedTo(ws.currentUserRole())
                        ? Mono.just(ws)
                        : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN",
                                "Your role in this workspace does not allow this action")));
    }

    static ApiException notFound(UUID workspaceId) {
        return new ApiException(HttpStatus.NOT_FOUND, "WORKSPACE_NOT_FOUND", "Workspace " + workspaceId + " was not found");
    }
}
