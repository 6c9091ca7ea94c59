package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A team was deleted, and with it its memberships. */
@Revision("1")
public record TeamDeletedEvent(UUID workspaceId, UUID teamId, String name) implements WorkspaceEvent {
}
