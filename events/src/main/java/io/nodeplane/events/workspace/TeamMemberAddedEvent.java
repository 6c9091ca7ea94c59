package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A workspace member joined a team. */
@Revision("1")
public record TeamMemberAddedEvent(UUID workspaceId, UUID teamId, UUID userId) implements WorkspaceEvent {
}
