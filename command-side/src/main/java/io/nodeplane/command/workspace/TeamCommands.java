package io.nodeplane.command.workspace;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on the teams of a workspace; teams belong to the {@code Workspace} aggregate. */
public final class TeamCommands {

    private TeamCommands() {
    }

    /** Create a team; the name must be unique in the workspace. */
    public record CreateTeamCommand(@TargetAggregateIdentifier UUID workspaceId, UUID teamId, String name,
                                    String description) {
    }

    /** Rename or re-describe a team; {@code null} keeps a field. */
    public record UpdateTeamCommand(@TargetAggregateIdentifier UUID workspaceId, UUID teamId, String name,
                                    String description) {
    }

    /** Delete a team with its memberships. */
    public record DeleteTeamCommand(@TargetAggregateIdentifier UUID workspaceId, UUID teamId) {
    }

    /** Put a workspace member into a team. */
    public record AddTeamMemberCommand(@TargetAggregateIdentifier UUID workspaceId, UUID teamId, UUID userId) {
    }

    /** Take a user out of a team. */
    public record RemoveTeamMemberCommand(@TargetAggregateIdentifier UUID workspaceId, UUID teamId, UUID userId) {
    }
}
