package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.command.workspace.TeamCommands.AddTeamMemberCommand;
import io.nodeplane.command.workspace.TeamCommands.CreateTeamCommand;
import io.nodeplane.command.workspace.TeamCommands.DeleteTeamCommand;
import io.nodeplane.command.workspace.TeamCommands.RemoveTeamMemberCommand;
import io.nodeplane.command.workspace.TeamCommands.RepairTeamMembershipsCommand;
import io.nodeplane.command.workspace.TeamCommands.UpdateTeamCommand;
import io.nodeplane.events.workspace.TeamCreatedEvent;
import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.TeamMemberAddedEvent;
import io.nodeplane.events.workspace.TeamMemberRemovedEvent;
import io.nodeplane.events.workspace.TeamUpdatedEvent;
import io.nodeplane.events.workspace.TeamUpdatedEvent.Details;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The teams of a {@link Workspace}, an entity of its aggregate: team names are unique in the workspace
 * and only its members join its teams. Every decision first finds the team (404), then asks the
 * workspace whether it may change (409 when archived).
 */
class WorkspaceTeams {

    private record Team(Details details, Set<UUID> members) {
    }

    private final Workspace workspace;
    private final Map<UUID, Team> teams = new LinkedHashMap<>();

    WorkspaceTeams(Workspace workspace) {
        this.workspace = workspace;
    }

    boolean has(UUID teamId) {
        return teams.containsKey(teamId);
    }

    @CommandHandler
    void handle(CreateTeamCommand command) {
        workspace.requireWritable();
        Details details = details(command.name(), command.description(), null);
        apply(new TeamCreatedEvent(workspace.id(), command.teamId(), details.name(), details.description()));
    }

    @CommandHandler
    void handle(UpdateTeamCommand command) {
        Team team = team(command.teamId());
        workspace.requireWritable();
        Details next = details(command.name() == null ? team.details().name() : command.name(),
                command.description() == null ? team.details().description() : command.description(), command.teamId());
        if (!next.equals(team.details())) {
            apply(new TeamUpdatedEvent(workspace.id(), command.teamId(), team.details(), next));
        }
    }

    @CommandHandler
    void handle(DeleteTeamCommand command) {
        Team team = team(command.teamId());
        workspace.requireWritable();
        apply(new TeamDeletedEvent(workspace.id(), command.teamId(), team.details().name()));
    }

    @CommandHandler
    void handle(AddTeamMemberCommand command) {
        Team team = team(command.teamId());
        workspace.requireWritable();
        if (!workspace.hasMember(command.userId())) {
            throw badRequest("NOT_A_WORKSPACE_MEMBER", "Only members of the workspace can join its teams");
        }
        if (team.members().contains(command.userId())) {
            throw conflict("TEAM_MEMBER_EXISTS", "The user is already a member of this team");
        }
        apply(new TeamMemberAddedEvent(workspace.id(), command.teamId(), command.userId()));
    }

    @CommandHandler
    void handle(RemoveTeamMemberCommand command) {
        Team team = team(command.teamId());
        workspace.requireWritable();
        if (!team.members().contains(command.userId())) {
            throw notFound("TEAM_MEMBER_NOT_FOUND", "The user is not a member of this team");
        }
        apply(new TeamMemberRemovedEvent(workspace.id(), command.teamId(), command.userId()));
    }

    /** Removes from every team whoever is no longer a member of the workspace (memberships of older data). */
    @CommandHandler
    void handle(RepairTeamMembershipsCommand command) {
        teams.forEach((teamId, team) -> team.members().stream().filter(u -> !workspace.hasMember(u)).toList()
                .forEach(userId -> apply(new TeamMemberRemovedEvent(workspace.id(), teamId, userId))));
    }

    /** The user leaves every team of the workspace (in the same decision as leaving the workspace). */
    void leaveAll(UUID userId) {
        teams.entrySet().stream().filter(t -> t.getValue().members().contains(userId)).map(Map.Entry::getKey)
                .toList().forEach(teamId -> apply(new TeamMemberRemovedEvent(workspace.id(), teamId, userId)));
    }

    private Team team(UUID teamId) {
        Team team = teams.get(teamId);
        if (team == null) {
            throw notFound("TEAM_NOT_FOUND", "Team " + teamId + " was not found in this workspace");
        }
        return team;
    }

    private Details details(String name, String description, UUID self) {
        if (name == null || name.isBlank() || name.trim().length() > 120) {
            throw badRequest("TEAM_NAME_INVALID", "name is required (at most 120 characters)");
        }
        String trimmed = name.trim();
        boolean taken = teams.entrySet().stream().anyMatch(t -> !t.getKey().equals(self)
                && t.getValue().details().name().equalsIgnoreCase(trimmed));
        if (taken) {
            throw conflict("TEAM_NAME_TAKEN", "A team with this name already exists in the workspace");
        }
        return new Details(trimmed, description == null ? null : description.trim());
    }

    @EventSourcingHandler
    void on(TeamCreatedEvent e) {
        teams.put(e.teamId(), new Team(new Details(e.name(), e.description()), new HashSet<>()));
    }

    @EventSourcingHandler
    void on(TeamUpdatedEvent e) {
        teams.put(e.teamId(), new Team(e.after(), teams.get(e.teamId()).members()));
    }

    @EventSourcingHandler
    void on(TeamDeletedEvent e) {
        teams.remove(e.teamId());
    }

    @EventSourcingHandler
    void on(TeamMemberAddedEvent e) {
        teams.get(e.teamId()).members().add(e.userId());
    }

    @EventSourcingHandler
    void on(TeamMemberRemovedEvent e) {
        teams.get(e.teamId()).members().remove(e.userId());
    }
}
