package io.nodeplane.command.workspace;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a member from the workspace. */
public record RemoveWorkspaceMemberCommand(@TargetAggregateIdentifier UUID workspaceId, UUID membershipId) {
}
