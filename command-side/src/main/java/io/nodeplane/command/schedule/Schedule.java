package io.nodeplane.command.schedule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.nodeplane.events.schedule.ScheduleCreatedEvent;
import io.nodeplane.events.schedule.ScheduleDefinition;
import io.nodeplane.events.schedule.ScheduleDeletedEvent;
import io.nodeplane.events.schedule.ScheduleDisabledEvent;
import io.nodeplane.events.schedule.ScheduleEnabledEvent;
import io.nodeplane.events.schedule.ScheduleFailedEvent;
import io.nodeplane.events.schedule.ScheduleRescheduledEvent;
import io.nodeplane.events.schedule.ScheduleTriggeredEvent;
import io.nodeplane.events.schedule.ScheduleUpdatedEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A scheduled task. It owns its next slot, so it fires exactly once per slot however many runners
 * ask: a trigger for any other slot changes nothing. A slot missed while the service was down fires
 * once; the next slot is then computed from now.
 */
@Aggregate
class Schedule {

    @AggregateIdentifier
    private UUID scheduleId;
    private UUID workspaceId;
    private UUID nodeId;
    private UUID teamId;
    private ScheduleDefinition definition;
    private String timezone;
    private boolean enabled;
    private Instant nextRunAt;

    Schedule() {
        // for Axon
    }

    Schedule(ScheduleCreatedEvent created) {
        apply(created);
    }

    UUID workspaceId() {
        return workspaceId;
    }

    UUID nodeId() {
        return nodeId;
    }

    UUID teamId() {
        return teamId;
    }

    ScheduleDefinition definition() {
        return definition;
    }

    void update(ScheduleDefinition next, Instant now) {
        if (!next.equals(definition)) {
            apply(new ScheduleUpdatedEvent(scheduleId, workspaceId, definition, next,
                    enabled ? cadence(next).nextAfter(now, ZoneId.of(timezone), null) : null));
        }
    }

    void enable(Instant now) {
        if (!enabled) {
            apply(new ScheduleEnabledEvent(scheduleId, workspaceId, definition.name(),
                    cadence(definition).nextAfter(now, ZoneId.of(timezone), null)));
        }
    }

    void disable() {
        if (enabled) {
            apply(new ScheduleDisabledEvent(scheduleId, workspaceId, definition.name()));
        }
    }

    /** Whether {@code slot} is this schedule's current, passed slot. */
    boolean due(Instant slot, Instant now) {
        return enabled && nextRunAt != null && nextRunAt.equals(slot) && !slot.isAfter(now);
    }

    void triggered(Instant slot, List<UUID> taskIds, Instant now) {
        apply(new ScheduleTriggeredEvent(scheduleId, workspaceId, definition.name(), slot, taskIds, after(slot, now)));
    }

    void failed(Instant slot, String error, Instant now) {
        apply(new ScheduleFailedEvent(scheduleId, workspaceId, definition.name(), slot, error, after(slot, now)));
    }

    void reschedule(String zone, Instant now) {
        if (!zone.equals(timezone)) {
            apply(new ScheduleRescheduledEvent(scheduleId, workspaceId, zone,
                    enabled ? cadence(definition).nextAfter(now, ZoneId.of(zone), null) : null));
        }
    }

    void delete() {
        apply(new ScheduleDeletedEvent(scheduleId, workspaceId, definition.name()));
    }

    // the next slot after the one just handled, never one that has already passed
    private Instant after(Instant slot, Instant now) {
        return cadence(definition).nextAfter(now.isAfter(slot) ? now : slot, ZoneId.of(timezone), slot);
    }

    static ScheduleCadence cadence(ScheduleDefinition d) {
        return new ScheduleCadence(d.cadence(), d.minute(), d.hour(), d.dayOfWeek(), d.intervalMinutes());
    }

    @EventSourcingHandler
    void on(ScheduleCreatedEvent e) {
        scheduleId = e.scheduleId();
        workspaceId = e.workspaceId();
        nodeId = e.nodeId();
        teamId = e.teamId();
        definition = e.definition();
        timezone = e.timezone();
        nextRunAt = e.nextRunAt();
        enabled = e.nextRunAt() != null;
    }

    @EventSourcingHandler
    void on(ScheduleUpdatedEvent e) {
        definition = e.after();
        nextRunAt = e.nextRunAt();
    }

    @EventSourcingHandler
    void on(ScheduleEnabledEvent e) {
        enabled = true;
        nextRunAt = e.nextRunAt();
    }

    @EventSourcingHandler
    void on(ScheduleDisabledEvent e) {
        enabled = false;
        nextRunAt = null;
    }

    @EventSourcingHandler
    void on(ScheduleTriggeredEvent e) {
        nextRunAt = e.nextRunAt();
    }

    @EventSourcingHandler
    void on(ScheduleFailedEvent e) {
        nextRunAt = e.nextRunAt();
    }

    @EventSourcingHandler
    void on(ScheduleRescheduledEvent e) {
        timezone = e.timezone();
        nextRunAt = e.nextRunAt();
    }

    @EventSourcingHandler
    void on(ScheduleDeletedEvent e) {
        markDeleted();
    }
}
