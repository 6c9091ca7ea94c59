package io.nodeplane.events.workspace;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A member's role inside the workspace changed. */
@Revision("1")
public record WorkspaceMemberRoleChangedEvent(UUID workspaceId, UUID membershipId, UUID userId,
                                              WorkspaceRole previousRole, WorkspaceRole role) implements WorkspaceEvent {
}
