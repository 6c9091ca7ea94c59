package io.nodeplane.projections.workspace;

import static io.nodeplane.projections.support.Blocking.await;

import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
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

    WorkspaceViewProjection(WorkspaceViewRepository workspaces) {
        this.workspaces = workspaces;
    }

    @EventHandler
    void on(WorkspaceCreatedEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        await(workspaces.insert(event.workspaceId(), event.name(), event.slug(), event.defaultTimezone(),
                event.isDefault(), event.createdByUserId(), at, seq));
    }

    @ResetHandler
    void reset() {
        await(workspaces.deleteAll());
    }
}
