package io.nodeplane.api.workspace;

import io.nodeplane.query.team.TeamMember;
import io.nodeplane.query.team.TeamView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Bodies of the team routes. */
public final class TeamResponses {

    private TeamResponses() {
    }

    /** {@code POST /workspaces/:id/teams}. */
    record CreateTeamRequest(@NotBlank @Size(max = 120) @Schema(example = "Database") String name,
                             @Size(max = 2000) String description) {
    }

    /** {@code PATCH /workspaces/:id/teams/:teamId}; omitted fields stay. */
    record UpdateTeamRequest(@Size(min = 1, max = 120) String name, @Size(max = 2000) String description) {
    }

    /** {@code POST /workspaces/:id/teams/:teamId/members}: a member of the workspace. */
    record AddTeamMemberRequest(@NotNull UUID userId) {
    }

    @Schema(name = "Team")
    public record TeamResponse(UUID id, UUID workspaceId, String name, String description, long memberCount,
                        Instant createdAt, Instant updatedAt) {
        public static TeamResponse of(TeamView t) {
            return new TeamResponse(t.id(), t.workspaceId(), t.name(), t.description(), t.memberCount(), t.createdAt(),
                    t.updatedAt());
        }
    }

    @Schema(name = "TeamMember")
    record TeamMemberResponse(UUID teamId, UUID userId, String userName, String userEmail, Instant createdAt) {
        static TeamMemberResponse of(TeamMember m) {
            return new TeamMemberResponse(m.teamId(), m.userId(), m.userName(), m.userEmail(), m.createdAt());
        }
    }
}
