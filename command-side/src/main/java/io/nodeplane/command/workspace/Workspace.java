package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

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
import io.nodeplane.events.workspace.WorkspaceArchivedEvent;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceDefaultChangedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRoleChangedEvent;
import io.nodeplane.events.workspace.WorkspaceRestoredEvent;
import io.nodeplane.events.workspace.WorkspaceRole;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent.Settings;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A workspace: the security boundary that owns members, teams, nodes and tasks. Keeps its rules:
 * archived means read-only, the default can be neither archived nor deleted, a workspace always
 * keeps at least one owner, team names are unique and only members join teams. Teams live inside
 * this aggregate so that leaving the workspace and leaving its teams is one atomic decision. Rules
 * spanning workspaces live in {@link WorkspaceCommandHandler}.
 */
@Aggregate
class Workspace {

    @AggregateIdentifier
    private UUID workspaceId;
    private Settings settings;
    private boolean isDefault;
    private boolean archived;
    private final Map<UUID, Member> members = new LinkedHashMap<>();
    private final Map<UUID, Team> teams = new LinkedHashMap<>();

    private record Member(UUID userId, WorkspaceRole role) {
    }

    private record Team(Details details, Set<UUID> members) {
    }

    Workspace() {
        // for Axon
    }

    /** Creation is decided by {@link WorkspaceCommandHandler}, which first claims the slug. */
    Workspace(CreateWorkspaceCommand command) {
        Settings s = WorkspaceSettings.validate(command.name(), command.slug(), command.defaultTimezone());
        apply(new WorkspaceCreatedEvent(command.workspaceId(), s.name(), s.slug(), s.defaultTimezone(),
                command.isDefault(), command.createdByUserId()));
        if (command.ownerUserId() != null) {
            apply(new WorkspaceMemberAddedEvent(command.workspaceId(), command.ownerMembershipId(),
                    command.ownerUserId(), WorkspaceRole.OWNER));
        }
    }

    Settings settings() {
        return settings;
    }

    boolean isDefault() {
        return isDefault;
    }

    boolean isArchived() {
        return archived;
    }

    void update(Settings next) {
        requireWritable();
        if (!next.equals(settings)) {
            apply(new WorkspaceUpdatedEvent(workspaceId, settings, next));
        }
    }

    void makeDefault(boolean value) {
        if (value && archived) {
            throw conflict("WORKSPACE_ARCHIVED", "An archived workspace cannot become the default workspace");
        }
        if (value != isDefault) {
            apply(new WorkspaceDefaultChangedEvent(workspaceId, value));
        }
    }

    void archive() {
        if (isDefault) {
            throw conflict("DEFAULT_WORKSPACE", "The default workspace cannot be archived; make another one default first");
        }
        if (!archived) {
            apply(new WorkspaceArchivedEvent(workspaceId));
        }
    }

    void restore() {
        if (archived) {
            apply(new WorkspaceRestoredEvent(workspaceId));
        }
    }

    void delete() {
        if (isDefault) {
            throw conflict("DEFAULT_WORKSPACE", "The default workspace cannot be deleted; make another one default first");
        }
        apply(new WorkspaceDeletedEvent(workspaceId, settings.slug()));
    }

    void addMember(UUID membershipId, UUID userId, WorkspaceRole role) {
        requireWritable();
        if (members.values().stream().anyMatch(m -> m.userId().equals(userId))) {
            throw conflict("MEMBER_EXISTS", "The user is already a member of this workspace");
        }
        apply(new WorkspaceMemberAddedEvent(workspaceId, membershipId, userId, Objects.requireNonNull(role)));
    }

    @CommandHandler
    void handle(ChangeWorkspaceMemberRoleCommand command) {
        Member member = member(command.membershipId());
        requireWritable();
        if (member.role() == command.role()) {
            return;
        }
        if (member.role() == WorkspaceRole.OWNER && owners() == 1) {
            throw conflict("LAST_OWNER", "The last owner of a workspace cannot be demoted");
        }
        apply(new WorkspaceMemberRoleChangedEvent(workspaceId, command.membershipId(), member.userId(), member.role(),
                command.role()));
    }

    @CommandHandler
    void handle(RemoveWorkspaceMemberCommand command) {
        Member member = member(command.membershipId());
        requireWritable();
        if (member.role() == WorkspaceRole.OWNER && owners() == 1) {
            throw conflict("LAST_OWNER", "The last owner of a workspace cannot be removed");
        }
        // one command, all events: the user leaves every team of this workspace with the workspace
        teams.entrySet().stream().filter(t -> t.getValue().members().contains(member.userId())).map(Map.Entry::getKey)
                .toList().forEach(teamId -> apply(new TeamMemberRemovedEvent(workspaceId, teamId, member.userId())));
        apply(new WorkspaceMemberRemovedEvent(workspaceId, command.membershipId(), member.userId(), member.role()));
    }

    @CommandHandler
    void handle(CreateTeamCommand command) {
        requireWritable();
        Details details = teamDetails(command.name(), command.description(), null);
        apply(new TeamCreatedEvent(workspaceId, command.teamId(), details.name(), details.description()));
    }

    @CommandHandler
    void handle(UpdateTeamCommand command) {
        Team team = team(command.teamId());
        requireWritable();
        Details next = teamDetails(command.name() == null ? team.details().name() : command.name(),
                command.description() == null ? team.details().description() : command.description(), command.teamId());
        if (!next.equals(team.details())) {
            apply(new TeamUpdatedEvent(workspaceId, command.teamId(), team.details(), next));
        }
    }

    @CommandHandler
    void handle(DeleteTeamCommand command) {
        Team team = team(command.teamId());
        requireWritable();
        apply(new TeamDeletedEvent(workspaceId, command.teamId(), team.details().name()));
    }

    @CommandHandler
    void handle(AddTeamMemberCommand command) {
        Team team = team(command.teamId());
        requireWritable();
        if (members.values().stream().noneMatch(m -> m.userId().equals(command.userId()))) {
            throw badRequest("NOT_A_WORKSPACE_MEMBER", "Only members of the workspace can join its teams");
        }
        if (team.members().contains(command.userId())) {
            throw conflict("TEAM_MEMBER_EXISTS", "The user is already a member of this team");
        }
        apply(new TeamMemberAddedEvent(workspaceId, command.teamId(), command.userId()));
    }

    @CommandHandler
    void handle(RemoveTeamMemberCommand command) {
        Team team = team(command.teamId());
        requireWritable();
        if (!team.members().contains(command.userId())) {
            throw notFound("TEAM_MEMBER_NOT_FOUND", "The user is not a member of this team");
        }
        apply(new TeamMemberRemovedEvent(workspaceId, command.teamId(), command.userId()));
    }

    @CommandHandler
    void handle(RepairTeamMembershipsCommand command) {
        Set<UUID> workspaceMembers = new HashSet<>();
        members.values().forEach(m -> workspaceMembers.add(m.userId()));
        teams.forEach((teamId, team) -> team.members().stream().filter(u -> !workspaceMembers.contains(u)).toList()
                .forEach(userId -> apply(new TeamMemberRemovedEvent(workspaceId, teamId, userId))));
    }

    private Team team(UUID teamId) {
        Team team = teams.get(teamId);
        if (team == null) {
            throw notFound("TEAM_NOT_FOUND", "Team " + teamId + " was not found in this workspace");
        }
        return team;
    }

    private Details teamDetails(String name, String description, UUID self) {
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

    private Member member(UUID membershipId) {
        Member member = members.get(membershipId);
        if (member == null) {
            throw notFound("MEMBERSHIP_NOT_FOUND", "Membership " + membershipId + " was not found in this workspace");
        }
        return member;
    }

    private long owners() {
        return members.values().stream().filter(m -> m.role() == WorkspaceRole.OWNER).count();
    }

    boolean hasTeam(UUID teamId) {
        return teams.containsKey(teamId);
    }

    void requireWritable() {
        if (archived) {
            throw conflict("WORKSPACE_ARCHIVED", "The workspace is archived; restore it with isArchived:false first");
        }
    }

    @EventSourcingHandler
    void on(WorkspaceCreatedEvent e) {
        workspaceId = e.workspaceId();
        settings = new Settings(e.name(), e.slug(), e.defaultTimezone());
        isDefault = e.isDefault();
    }

    @EventSourcingHandler
    void on(WorkspaceUpdatedEvent e) {
        settings = e.after();
    }

    @EventSourcingHandler
    void on(WorkspaceDefaultChangedEvent e) {
        isDefault = e.isDefault();
    }

    @EventSourcingHandler
    void on(WorkspaceArchivedEvent e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(WorkspaceRestoredEvent e) {
        archived = false;
    }

    @EventSourcingHandler
    void on(WorkspaceDeletedEvent e) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(WorkspaceMemberAddedEvent e) {
        members.put(e.membershipId(), new Member(e.userId(), e.role()));
    }

    @EventSourcingHandler
    void on(WorkspaceMemberRoleChangedEvent e) {
        members.put(e.membershipId(), new Member(e.userId(), e.role()));
    }

    @EventSourcingHandler
    void on(WorkspaceMemberRemovedEvent e) {
        members.remove(e.membershipId());
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
