package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRoleChangedEvent;
import io.nodeplane.events.workspace.WorkspaceRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The memberships of a {@link Workspace}, an entity of its aggregate: one membership per user, and a
 * workspace always keeps at least one owner. A member who leaves leaves the workspace's teams in the
 * same decision.
 */
class WorkspaceMembers {

    private record Member(UUID userId, WorkspaceRole role) {
    }

    private final Workspace workspace;
    private final Map<UUID, Member> members = new LinkedHashMap<>();

    WorkspaceMembers(Workspace workspace) {
        this.workspace = workspace;
    }

    boolean has(UUID userId) {
        return members.values().stream().anyMatch(m -> m.userId().equals(userId));
    }

    void add(UUID membershipId, UUID userId, WorkspaceRole role) {
        workspace.requireWritable();
        if (has(userId)) {
            throw conflict("MEMBER_EXISTS", "The user is already a member of this workspace");
        }
        apply(new WorkspaceMemberAddedEvent(workspace.id(), membershipId, userId, Objects.requireNonNull(role)));
    }

    @CommandHandler
    void handle(ChangeWorkspaceMemberRoleCommand command) {
        Member member = member(command.membershipId());
        workspace.requireWritable();
        if (member.role() == command.role()) {
            return;
        }
        if (member.role() == WorkspaceRole.OWNER && owners() == 1) {
            throw conflict("LAST_OWNER", "The last owner of a workspace cannot be demoted");
        }
        apply(new WorkspaceMemberRoleChangedEvent(workspace.id(), command.membershipId(), member.userId(), member.role(),
                command.role()));
    }

    @CommandHandler
    void handle(RemoveWorkspaceMemberCommand command) {
        Member member = member(command.membershipId());
        workspace.requireWritable();
        if (member.role() == WorkspaceRole.OWNER && owners() == 1) {
            throw conflict("LAST_OWNER", "The last owner of a workspace cannot be removed");
        }
        // one command, all events: the user leaves every team of this workspace with the workspace
        workspace.leaveTeams(member.userId());
        apply(new WorkspaceMemberRemovedEvent(workspace.id(), command.membershipId(), member.userId(), member.role()));
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
