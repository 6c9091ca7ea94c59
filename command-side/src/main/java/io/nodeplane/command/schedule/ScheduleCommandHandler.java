package io.nodeplane.command.schedule;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.node.NodeDirectory;
import io.nodeplane.command.schedule.ScheduleCommands.CreateScheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.DeleteScheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.RescheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.TriggerScheduleCommand;
import io.nodeplane.command.schedule.ScheduleCommands.UpdateScheduleCommand;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.task.TaskCommands.CreateTasksCommand;
import io.nodeplane.command.task.TaskCommands.Target;
import io.nodeplane.command.task.TaskCommands.TaskRun;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.nodeplane.command.task.TaskCreation;
import io.nodeplane.command.task.TaskSnapshot;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDefinition;
import io.nodeplane.events.task.TaskOrigin;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Schedule commands. A trigger queues the schedule's tasks in the same transaction that moves the
 * schedule to its next slot, so a slot never runs twice and never runs without its record.
 */
@Component
class ScheduleCommandHandler {

    private final Repository<Schedule> schedules;
    private final WorkspaceDirectory workspaces;
    private final NodeDirectory nodes;
    private final TaskCreation tasks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ScheduleCommandHandler(Repository<Schedule> schedules, WorkspaceDirectory workspaces, NodeDirectory nodes,
                           TaskCreation tasks, JdbcTemplate jdbc, Clock clock) {
        this.schedules = schedules;
        this.workspaces = workspaces;
        this.nodes = nodes;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @CommandHandler
    void handle(CreateScheduleCommand c) throws Exception {
        workspaces.requireWritable(c.workspaceId());
        if ((c.nodeId() == null) == (c.teamId() == null)) {
            throw badRequest("SCHEDULE_TARGET_INVALID", "Exactly one of nodeId and teamId is required");
        }
        if (c.nodeId() != null) {
            nodes.facts(c.nodeId(), c.workspaceId());
        } else {
            workspaces.requireTeam(c.workspaceId(), c.teamId());
        }
        ScheduleCadence cadence = ScheduleCadence.of(c.cadence(), c.minute(), c.hour(), c.dayOfWeek(), c.intervalMinutes());
        ScheduleDefinition definition = definition(c.name(), c.command(), c.runAsRoot(), cadence);
        String zone = workspaces.timezone(c.workspaceId());
        Instant next = c.enabled() ? cadence.nextAfter(clock.instant(), ZoneId.of(zone), null) : null;
        schedules.newInstance(() -> new Schedule(new ScheduleCreatedEvent(c.scheduleId(), c.workspaceId(), c.nodeId(),
                c.teamId(), c.ownerUserId(), definition, zone, next)));
        jdbc.update("INSERT INTO schedule_index (schedule_id, workspace_id) VALUES (?, ?)", c.scheduleId(), c.workspaceId());
    }

    @CommandHandler
    void handle(UpdateScheduleCommand c) {
        Aggregate<Schedule> schedule = load(c.scheduleId(), c.workspaceId());
        workspaces.requireWritable(schedule.invoke(Schedule::workspaceId));
        ScheduleDefinition d = schedule.invoke(Schedule::definition);
        boolean sameCadence = c.cadence() == null || c.cadence().trim().equalsIgnoreCase(d.cadence());
        ScheduleCadence cadence = ScheduleCadence.of(sameCadence ? d.cadence() : c.cadence(),
                c.minute() != null ? c.minute() : Integer.valueOf(d.minute()),
                c.hour() != null ? c.hour() : sameCadence ? d.hour() : null,
                c.dayOfWeek() != null ? c.dayOfWeek() : sameCadence ? d.dayOfWeek() : null,
                c.intervalMinutes() != null ? c.intervalMinutes() : sameCadence ? d.intervalMinutes() : null);
        ScheduleDefinition next = definition(c.name() == null ? d.name() : c.name(),
                c.command() == null ? d.command() : c.command(), c.runAsRoot() == null ? d.runAsRoot() : c.runAsRoot(),
                cadence);
        Instant now = clock.instant();
        schedule.execute(s -> s.update(next, now));
        if (Boolean.TRUE.equals(c.enabled())) {
            schedule.execute(s -> s.enable(now));
        } else if (Boolean.FALSE.equals(c.enabled())) {
            schedule.execute(Schedule::disable);
        }
    }

    @CommandHandler
    void handle(DeleteScheduleCommand c) {
        Aggregate<Schedule> schedule = load(c.scheduleId(), c.workspaceId());
        workspaces.requireWritable(schedule.invoke(Schedule::workspaceId));
        schedule.execute(Schedule::delete);
        jdbc.update("DELETE FROM schedule_index WHERE schedule_id = ?", c.scheduleId());
    }

    @CommandHandler
    boolean handle(TriggerScheduleCommand c) {
        Aggregate<Schedule> schedule = load(c.scheduleId(), null);
        Instant now = clock.instant();
        if (!schedule.invoke(s -> s.due(c.slot(), now))) {
            return false;
        }
        UUID ws = schedule.invoke(Schedule::workspaceId);
        UUID teamId = schedule.invoke(Schedule::teamId);
        UUID nodeId = schedule.invoke(Schedule::nodeId);
        ScheduleDefinition d = schedule.invoke(Schedule::definition);
        List<UUID> targets = teamId == null ? List.of(nodeId) : c.teamNodeIds() == null ? List.of() : c.teamNodeIds();
        try {
            TaskRun run = tasks.create(new CreateTasksCommand(ws, targets.stream()
                    .map(node -> new Target(node, taskId(c.scheduleId(), c.slot(), node))).toList(),
                    new TaskSpec("shell.exec", payload(c.scheduleId(), d), null,
                            new TaskOrigin(teamId, null, null, c.scheduleId(), d.name(), false)), teamId, null));
            schedule.execute(s -> s.triggered(c.slot(), run.created().stream().map(TaskSnapshot::id).toList(), now));
        } catch (CommandRejectedException e) {
            schedule.execute(s -> s.failed(c.slot(), e.getMessage(), now));
        } catch (Exception e) {
            throw new IllegalStateException("Schedule " + c.scheduleId() + " could not queue its tasks", e);
        }
        return true;
    }

    @CommandHandler
    void handle(RescheduleCommand c) {
        Aggregate<Schedule> schedule = load(c.scheduleId(), null);
        String zone = workspaces.timezone(schedule.invoke(Schedule::workspaceId));
        schedule.execute(s -> s.reschedule(zone, clock.instant()));
    }

    // one task id per schedule, slot and node: a repeated trigger could never queue a second task
    static UUID taskId(UUID scheduleId, Instant slot, UUID nodeId) {
        return UUID.nameUUIDFromBytes((scheduleId + "|" + slot + "|" + nodeId).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> payload(UUID scheduleId, ScheduleDefinition d) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("command", d.command());
        if (d.runAsRoot()) {
            payload.put("runAsRoot", true);
            payload.put("rootScope", "task");
        }
        payload.put("scheduleId", scheduleId.toString());
        payload.put("scheduleName", d.name());
        return payload;
    }

    private static ScheduleDefinition definition(String name, String command, boolean runAsRoot, ScheduleCadence c) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 120) {
            throw badRequest("SCHEDULE_NAME_INVALID", "name must be 1 to 120 characters");
        }
        if (command == null || command.isBlank() || command.length() > 20_000) {
            throw badRequest("SCHEDULE_COMMAND_INVALID", "command must be a non-empty string of at most 20000 characters");
        }
        return new ScheduleDefinition(n, command, runAsRoot, c.cadence(), c.minute(), c.hour(), c.dayOfWeek(),
                c.intervalMinutes());
    }

    private Aggregate<Schedule> load(UUID scheduleId, UUID workspaceId) {
        try {
            Aggregate<Schedule> schedule = schedules.load(scheduleId.toString());
            if (workspaceId != null && !workspaceId.equals(schedule.invoke(Schedule::workspaceId))) {
                throw missing(scheduleId);
            }
            return schedule;
        } catch (AggregateNotFoundException e) {
            throw missing(scheduleId);
        }
    }

    private static RuntimeException missing(UUID scheduleId) {
        return notFound("SCHEDULE_NOT_FOUND", "Scheduled task " + scheduleId + " was not found");
    }
}
