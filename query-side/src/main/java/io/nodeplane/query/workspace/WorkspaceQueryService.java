package io.nodeplane.query.workspace;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reactive queries over workspaces and their members. */
@Service
public class WorkspaceQueryService {

    private final WorkspaceViewRepository workspaces;
    private final WorkspaceMembershipViewRepository memberships;

    WorkspaceQueryService(WorkspaceViewRepository workspaces, WorkspaceMembershipViewRepository memberships) {
        this.workspaces = workspaces;
        this.memberships = memberships;
    }

    /** Workspaces the user belongs to, or every workspace for a platform admin; with the user's role. */
    public Flux<WorkspaceView> visibleTo(UUID userId, boolean platformAdmin) {
        return workspaces.findAll(userId, !platformAdmin);
    }

    /** One workspace with the viewer's role; empty when it does not exist. */
    public Mono<WorkspaceView> byId(UUID workspaceId, UUID viewer) {
        return workspaces.findById(workspaceId, viewer);
    }

    /** The user's role in the workspace ({@code owner|admin|member|viewer}); empty when not a member. */
    public Mono<String> roleOf(UUID workspaceId, UUID userId) {
        return memberships.findRole(workspaceId, userId);
    }

    public Flux<WorkspaceMember> members(UUID workspaceId) {
        return memberships.findByWorkspace(workspaceId);
    }

    public Mono<WorkspaceMember> member(UUID workspaceId, UUID membershipId) {
        return memberships.findById(workspaceId, membershipId);
    }
}
