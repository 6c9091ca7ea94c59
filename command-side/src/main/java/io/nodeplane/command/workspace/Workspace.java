package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A workspace: the security boundary that owns members, teams, nodes and tasks. Keeps its rules:
 * archived means read-only, the default can be neither archived nor deleted, a workspace always
 * keeps at least one owner. Rules spanning workspaces live in {@link WorkspaceCommandHandler}.
 */
@Aggregate
class Workspace {

    @AggregateIdentifier
    private UUID workspaceId;
    private Settings settings;
    private boolean isDefault;
    private boolean archived;
    private final Map<UUID, Member> members = new LinkedHashMap<>();

    private record Member(UUID userId, WorkspaceRole role) {
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
        apply(new WorkspaceMemberRemovedEvent(workspaceId, command.membershipId(), member.userId(), member.role()));
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

    private void requireWritable() {
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

}
