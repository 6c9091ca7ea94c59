package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A team was renamed or described anew; carries both states for the audit log. */
@Revision("1")
public record TeamUpdatedEvent(UUID workspaceId, UUID teamId, Details before, Details after) implements WorkspaceEvent {

    /** The editable details of a team. */
    public record Details(String name, String description) {
    }
}
