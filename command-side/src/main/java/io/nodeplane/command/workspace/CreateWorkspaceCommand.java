package io.nodeplane.command.workspace;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a workspace; when {@code ownerUserId} is set that user becomes its owner.
 *
 * @param ownerMembershipId id of the owner's membership, chosen by the caller with the workspace id
 */
public record CreateWorkspaceCommand(
        @TargetAggregateIdentifier UUID workspaceId, String name, String slug, String defaultTimezone,
        boolean isDefault, UUID createdByUserId, UUID ownerUserId, UUID ownerMembershipId) {
}
