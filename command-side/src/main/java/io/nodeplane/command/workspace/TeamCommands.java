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

    /**
     * Remove team memberships of users who are no longer members of the workspace. Sent by the
     * start-up repair; decided from the aggregate's own history, so it is a no-op when none exist.
     */
    public record RepairTeamMembershipsCommand(@TargetAggregateIdentifier UUID workspaceId) {
    }
}
