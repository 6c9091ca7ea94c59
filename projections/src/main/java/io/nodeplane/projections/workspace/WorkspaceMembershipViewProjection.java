package io.nodeplane.projections.workspace;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRoleChangedEvent;
import io.nodeplane.projections.support.AccessChanges;
import io.nodeplane.query.workspace.WorkspaceMembershipViewRepository;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code workspace_membership_view}: who may see and do what in each workspace. */
@Component
@ProcessingGroup("workspace-membership-view")
class WorkspaceMembershipViewProjection {

    private final WorkspaceMembershipViewRepository memberships;
    private final AccessChanges access;

    WorkspaceMembershipViewProjection(WorkspaceMembershipViewRepository memberships, AccessChanges access) {
        this.memberships = memberships;
        this.access = access;
    }

    @EventHandler
    void on(WorkspaceMemberAddedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(memberships.insert(event.membershipId(), event.workspaceId(), event.userId(),
                event.role().name().toLowerCase(Locale.ROOT), at, seq));
    }

    @EventHandler
    void on(WorkspaceMemberRoleChangedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(memberships.updateRole(event.membershipId(), event.role().name().toLowerCase(Locale.ROOT), at, seq));
    }

    @EventHandler
    void on(WorkspaceMemberRemovedEvent event) {
        write(memberships.delete(event.membershipId()));
        access.narrowed(event.userId(), event.workspaceId());
    }

    @EventHandler
    void on(WorkspaceDeletedEvent event) {
        write(memberships.deleteWorkspace(event.workspaceId()));
        access.narrowed(null, event.workspaceId());
    }

    @ResetHandler
    void reset() {
        write(memberships.deleteAll());
    }
}
