package io.nodeplane.command.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on scheduled tasks. {@code workspaceId} is the route's workspace: a schedule outside it is 404. */
public final class ScheduleCommands {

    private ScheduleCommands() {
    }

    /** Runs {@code command} on {@code nodeId} or on every node of {@code teamId} (exactly one of the two). */
    public record CreateScheduleCommand(UUID scheduleId, UUID workspaceId, UUID nodeId, UUID teamId, UUID ownerUserId,
                                        String name, String command, boolean runAsRoot, String cadence, Integer minute,
                                        Integer hour, Integer dayOfWeek, Integer intervalMinutes, boolean enabled) {
    }

    /** Changes a schedule; {@code null} keeps a field. */
    public record UpdateScheduleCommand(@TargetAggregateIdentifier UUID scheduleId, UUID workspaceId, String name,
                                        String command, Boolean runAsRoot, String cadence, Integer minute, Integer hour,
                                        Integer dayOfWeek, Integer intervalMinutes, Boolean enabled) {
    }

    public record DeleteScheduleCommand(@TargetAggregateIdentifier UUID scheduleId, UUID workspaceId) {
    }

    /**
     * The runner saw {@code slot} pass: queue the schedule's tasks once. A slot that is not the schedule's
     * current one (already run, elsewhere or before) changes nothing. {@code teamNodeIds}: the team's
     * nodes as the runner sees them (each is checked against its own node). Answers whether it ran.
     */
    public record TriggerScheduleCommand(@TargetAggregateIdentifier UUID scheduleId, Instant slot,
                                         List<UUID> teamNodeIds) {
    }

    /** Follow the workspace's current time zone. */
    public record RescheduleCommand(@TargetAggregateIdentifier UUID scheduleId) {
    }
}
