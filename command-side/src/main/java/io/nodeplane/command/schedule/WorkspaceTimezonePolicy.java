package io.nodeplane.command.schedule;

import io.nodeplane.command.schedule.ScheduleCommands.RescheduleCommand;
import io.nodeplane.events.workspace.WorkspaceUpdatedEvent;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a workspace's time zone changes, every schedule of the workspace is rescheduled. The command
 * reads the workspace's current zone, so handling an old event again would change nothing; it is a
 * policy, not a read model, so a rebuild of the read models leaves it alone ({@link DisallowReplay}).
 */
@Component
@DisallowReplay
@ProcessingGroup("schedule-timezone")
class WorkspaceTimezonePolicy {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    WorkspaceTimezonePolicy(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkspaceUpdatedEvent e) {
        if (Objects.equals(e.before().defaultTimezone(), e.after().defaultTimezone())) {
            return;
        }
        for (UUID scheduleId : jdbc.queryForList("SELECT schedule_id FROM schedule_index WHERE workspace_id = ?",
                UUID.class, e.workspaceId())) {
            commands.sendAndWait(new RescheduleCommand(scheduleId));
        }
    }
}
