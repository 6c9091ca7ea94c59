package io.nodeplane.projections.team;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.TeamMemberAddedEvent;
import io.nodeplane.events.workspace.TeamMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.query.team.TeamViewRepository;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code team_membership_view}. Rows are a set (insert-if-absent, delete): events of one
 * workspace arrive in order, so re-delivery after a restart converges to the same rows.
 */
@Component
@ProcessingGroup("team-membership-view")
class TeamMembershipViewProjection {

    private final TeamViewRepository teams;

    TeamMembershipViewProjection(TeamViewRepository teams) {
        this.teams = teams;
    }

    @EventHandler
    void on(TeamMemberAddedEvent e, @Timestamp Instant at) {
        write(teams.addMember(e.teamId(), e.userId(), e.workspaceId(), at));
    }

    @EventHandler
    void on(TeamMemberRemovedEvent e) {
        write(teams.removeMember(e.teamId(), e.userId()));
    }

    @EventHandler
    void on(TeamDeletedEvent e) {
        write(teams.removeTeamMembers(e.teamId()));
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        write(teams.removeWorkspaceMembers(e.workspaceId()));
    }

    @ResetHandler
    void reset() {
        write(teams.deleteAllMembers());
    }
}
