package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user left a team (removed from it, or from the workspace). */
@Revision("1")
public record TeamMemberRemovedEvent(UUID workspaceId, UUID teamId, UUID userId) implements WorkspaceEvent {
}
