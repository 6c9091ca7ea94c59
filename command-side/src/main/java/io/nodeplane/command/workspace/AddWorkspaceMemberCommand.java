package io.nodeplane.command.workspace;

import io.nodeplane.events.workspace.WorkspaceRole;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an active user a member of the workspace with the given role. */
public record AddWorkspaceMemberCommand(@TargetAggregateIdentifier UUID workspaceId, UUID membershipId, UUID userId,
                                        WorkspaceRole role) {
}
