package io.nodeplane.projections.team;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.events.workspace.TeamCreatedEvent;
import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.TeamUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.query.team.TeamViewRepository;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Maintains {@code team_view}. */
@Component
@ProcessingGroup("team-view")
class TeamViewProjection {

    private final TeamViewRepository teams;

    TeamViewProjection(TeamViewRepository teams) {
        this.teams = teams;
    }

    @EventHandler
    void on(TeamCreatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(teams.insert(e.teamId(), e.workspaceId(), e.name(), e.description(), at, seq));
    }

    @EventHandler
    void on(TeamUpdatedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        write(teams.update(e.teamId(), e.after().name(), e.after().description(), at, seq));
    }

    @EventHandler
    void on(TeamDeletedEvent e) {
        write(teams.delete(e.teamId()));
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        write(teams.deleteWorkspace(e.workspaceId()));
    }

    @ResetHandler
    void reset() {
        write(teams.deleteAll());
    }
}
