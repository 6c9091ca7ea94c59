package io.nodeplane.api.bootstrap;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.command.workspace.TeamCommands.RepairTeamMembershipsCommand;
import io.nodeplane.query.team.TeamQueryService;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Start-up repair: team memberships whose user is no longer a member of the workspace are removed
 * by a recorded system command (so the audit log shows the repair). The read model only nominates
 * candidate workspaces; each workspace aggregate decides from its own history.
 */
@Component
class TeamMembershipRepair {

    private static final Logger log = LoggerFactory.getLogger(TeamMembershipRepair.class);

    private final TeamQueryService teams;
    private final Commands commands;

    TeamMembershipRepair(TeamQueryService teams, Commands commands) {
        this.teams = teams;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void repair() {
        Actor system = Actor.system("repair-" + UUID.randomUUID());
        teams.workspacesWithOrphanedTeamMembers()
                .concatMap(workspaceId -> commands.send(new RepairTeamMembershipsCommand(workspaceId), system)
                        .doOnSuccess(x -> log.info("Repaired team memberships of workspace {}", workspaceId))
                        .onErrorResume(e -> {
                            log.warn("Could not repair team memberships of workspace {}: {}", workspaceId, e.toString());
                            return reactor.core.publisher.Mono.empty();
                        }))
                .then().block(Duration.ofMinutes(2));
    }
}
