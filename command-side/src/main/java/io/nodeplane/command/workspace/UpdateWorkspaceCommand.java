package io.nodeplane.command.workspace;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a workspace's settings; {@code null} leaves a setting as it is. {@code isArchived:false}
 * restores an archived workspace first, so restore and edit can come in one request.
 */
public record UpdateWorkspaceCommand(@TargetAggregateIdentifier UUID workspaceId, String name, String slug,
                                     String defaultTimezone, Boolean isDefault, Boolean isArchived) {
}
