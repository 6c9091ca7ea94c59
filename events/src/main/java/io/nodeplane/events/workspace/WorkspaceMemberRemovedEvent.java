package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user stopped being a member of the workspace. */
@Revision("1")
public record WorkspaceMemberRemovedEvent(UUID workspaceId, UUID membershipId, UUID userId, WorkspaceRole role)
        implements WorkspaceEvent {
}
