package io.nodeplane.command.user;

import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDeletedEvent;
import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserDeletedEvent;
import io.nodeplane.events.user.UserInvitationAcceptedEvent;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.events.user.UserUpdatedEvent;
import io.nodeplane.events.workspace.TeamDeletedEvent;
import io.nodeplane.events.workspace.TeamMemberAddedEvent;
import io.nodeplane.events.workspace.TeamMemberRemovedEvent;
import io.nodeplane.events.workspace.WorkspaceDeletedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberAddedEvent;
import io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code user_state} and {@code user_assignment}, kept by a subscribing handler (group
 * {@code user-lookups}) in the transaction that stores the events, so the last-admin and
 * delete rules of a command never read a read model nor lag behind the events.
 */
@Component
@ProcessingGroup("user-lookups")
class UserLookups {

    private static final String ADMIN = UserRole.PLATFORM_ADMIN.name();
    // serialises every change that may remove an active platform admin (any instance, until commit)
    private static final long ADMIN_LOCK = 0x6e70_7573_6572_0001L;

    private final JdbcTemplate jdbc;

    UserLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Active platform admins, counted after taking the admin lock for the rest of the transaction. */
    long lockAndCountActiveAdmins() {
        jdbc.queryForList("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) l", Integer.class, ADMIN_LOCK);
        Long n = jdbc.queryForObject("SELECT count(*) FROM user_state WHERE role = ? AND active", Long.class, ADMIN);
        return n == null ? 0 : n;
    }

    /** How many memberships and owned schedules keep the user from being deleted. */
    long assignments(UUID userId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM user_assignment WHERE user_id = ?", Long.class, userId);
        return n == null ? 0 : n;
    }

    @EventHandler
    void on(UserCreatedEvent e) {
        jdbc.update("INSERT INTO user_state (user_id, role, active) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                e.userId(), e.role().name(), e.active());
    }

    @EventHandler
    void on(UserUpdatedEvent e) {
        jdbc.update("UPDATE user_state SET role = ?, active = ? WHERE user_id = ?", e.after().role().name(),
                e.after().active(), e.userId());
    }

    @EventHandler
    void on(UserInvitationAcceptedEvent e) {
        jdbc.update("UPDATE user_state SET active = TRUE WHERE user_id = ?", e.userId());
    }

    @EventHandler
    void on(UserDeletedEvent e) {
        jdbc.update("DELETE FROM user_state WHERE user_id = ?", e.userId());
    }

    @EventHandler
    void on(WorkspaceMemberAddedEvent e) {
        assign("workspace", e.workspaceId(), e.userId(), e.workspaceId());
    }

    @EventHandler
    void on(WorkspaceMemberRemovedEvent e) {
        jdbc.update("DELETE FROM user_assignment WHERE kind IN ('workspace', 'team') AND workspace_id = ? AND user_id = ?",
                e.workspaceId(), e.userId());
    }

    @EventHandler
    void on(TeamMemberAddedEvent e) {
        assign("team", e.teamId(), e.userId(), e.workspaceId());
    }

    @EventHandler
    void on(TeamMemberRemovedEvent e) {
        jdbc.update("DELETE FROM user_assignment WHERE kind = 'team' AND ref_id = ? AND user_id = ?", e.teamId(), e.userId());
    }

    @EventHandler
    void on(TeamDeletedEvent e) {
        jdbc.update("DELETE FROM user_assignment WHERE kind = 'team' AND ref_id = ?", e.teamId());
    }

    @EventHandler
    void on(WorkspaceDeletedEvent e) {
        jdbc.update("DELETE FROM user_assignment WHERE workspace_id = ?", e.workspaceId());
    }

    @EventHandler
    void on(ScheduleCreatedEvent e) {
        if (e.ownerUserId() != null) {
            assign("schedule", e.scheduleId(), e.ownerUserId(), e.workspaceId());
        }
    }

    @EventHandler
    void on(ScheduleDeletedEvent e) {
        jdbc.update("DELETE FROM user_assignment WHERE kind = 'schedule' AND ref_id = ?", e.scheduleId());
    }

    private void assign(String kind, UUID refId, UUID userId, UUID workspaceId) {
        jdbc.update("INSERT INTO user_assignment (kind, ref_id, user_id, workspace_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", kind, refId, userId, workspaceId);
    }
}
