package io.nodeplane.projections.workspace;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.workspace.WorkspaceArchivedEvent;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceDefaultChangedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceRestoredEvent;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent;
import io.nodeplane.projections.support.AccessChanges;
import io.nodeplane.query.workspace.WorkspaceViewRepository;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code workspace_view}. */
@Component
@ProcessingGroup("workspace-view")
class WorkspaceViewProjection {

    private final WorkspaceViewRepository workspaces;
    private final AccessChanges access;

    WorkspaceViewProjection(WorkspaceViewRepository workspaces, AccessChanges access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    @EventHandler
    void on(WorkspaceCreatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(workspaces.insert(event.workspaceId(), event.name(), event.slug(), event.defaultTimezone(),
                event.isDefault(), event.createdByUserId(), at, seq));
    }

    @EventHandler
    void on(WorkspaceUpdatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(workspaces.updateSettings(event.workspaceId(), event.after().name(), event.after().slug(),
                event.after().defaultTimezone(), at, seq));
    }

    @EventHandler
    void on(WorkspaceDefaultChangedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(workspaces.updateDefault(event.workspaceId(), event.isDefault(), at, seq));
    }

    @EventHandler
    void on(WorkspaceArchivedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(workspaces.updateArchived(event.workspaceId(), true, at, seq));
    }

    @EventHandler
    void on(WorkspaceRestoredEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        write(workspaces.updateArchived(event.workspaceId(), false, at, seq));
    }

    @EventHandler
    void on(WorkspaceDeletedEvent event) {
        write(workspaces.delete(event.workspaceId()));
        // the membership view announces it for members; this for platform admins, who read it without one
        access.narrowed(null, event.workspaceId());
    }

    @ResetHandler
    void reset() {
        write(workspaces.deleteAll());
    }
}
