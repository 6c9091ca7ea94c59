package io.nodeplane.command.workspace;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a workspace (never the default one). */
public record DeleteWorkspaceCommand(@TargetAggregateIdentifier UUID workspaceId) {
}
