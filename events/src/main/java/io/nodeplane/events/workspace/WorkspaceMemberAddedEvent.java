package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user became a member of a workspace with the given role. */
@Revision("1")
public record WorkspaceMemberAddedEvent(UUID workspaceId, UUID membershipId, UUID userId, WorkspaceRole role)
        implements WorkspaceEvent {
}
