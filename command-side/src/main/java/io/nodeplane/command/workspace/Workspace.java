package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.nodeplane.events.workspace.WorkspaceArchivedEvent;
import io.nodeplane.events.workspace.WorkspaceCreatedEvent;
import io.nodeplane.events.workspace.WorkspaceDefaultChangedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceRestoredEvent;
import io.nodeplane.events.workspace.WorkspaceRole;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent.Settings;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A workspace: the security boundary that owns members, teams, nodes and tasks. Keeps its rules:
 * archived means read-only, the default can be neither archived nor deleted. Its memberships
 * ({@link WorkspaceMembers}) and teams ({@link WorkspaceTeams}) are entities of this aggregate, so that
 * leaving the workspace and leaving its teams is one atomic decision. Rules spanning workspaces live
 * in {@link WorkspaceCommandHandler}.
 */
@Aggregate
class Workspace {

    @AggregateIdentifier
    private UUID workspaceId;
    private Settings settings;
    private boolean isDefault;
    private boolean archived;
    @AggregateMember
    private final WorkspaceMembers members = new WorkspaceMembers(this);
    @AggregateMember
    private final WorkspaceTeams teams = new WorkspaceTeams(this);

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

    UUID id() {
        return workspaceId;
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

    boolean hasMember(UUID userId) {
        return members.has(userId);
    }

    boolean hasTeam(UUID teamId) {
        return teams.has(teamId);
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
        members.add(membershipId, userId, role);
    }

    void leaveTeams(UUID userId) {
        teams.leaveAll(userId);
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
}
