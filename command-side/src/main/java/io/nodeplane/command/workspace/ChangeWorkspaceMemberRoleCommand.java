package io.nodeplane.command.workspace;

import io.nodeplane.events.workspace.WorkspaceRole;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a member another role. */
public record ChangeWorkspaceMemberRoleCommand(@TargetAggregateIdentifier UUID workspaceId, UUID membershipId,
                                               WorkspaceRole role) {
}
