package io.nodeplane.query.team;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Teams of a workspace; every query is scoped by the workspace id. */
@Service
public class TeamQueryService {

    private final TeamViewRepository teams;

    TeamQueryService(TeamViewRepository teams) {
        this.teams = teams;
    }

    public Flux<TeamView> teams(UUID workspaceId) {
        return teams.findByWorkspace(workspaceId);
    }

    /** The team, only if it belongs to the workspace. */
    public Mono<TeamView> team(UUID workspaceId, UUID teamId) {
        return teams.findById(workspaceId, teamId);
    }

    /** Workspaces whose team rows name a user who is not a member of the workspace (repair candidates). */
    public Flux<UUID> workspacesWithOrphanedTeamMembers() {
        return teams.findWorkspacesWithOrphans();
    }

    /** Members of a team of the workspace; empty when the team is not in that workspace. */
    public Flux<TeamMember> members(UUID workspaceId, UUID teamId) {
        return teams.findById(workspaceId, teamId).flatMapMany(t -> teams.findMembers(teamId));
    }
}
