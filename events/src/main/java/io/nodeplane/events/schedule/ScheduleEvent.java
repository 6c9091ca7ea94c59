package io.nodeplane.events.schedule;

import java.util.UUID;

/** Events of scheduled tasks; each belongs to one {@code Schedule} aggregate. */
public sealed interface ScheduleEvent permits ScheduleCreatedEvent, ScheduleUpdatedEvent, ScheduleEnabledEvent,
        ScheduleDisabledEvent, ScheduleTriggeredEvent, ScheduleFailedEvent, ScheduleRescheduledEvent,
        ScheduleDeletedEvent {
    UUID scheduleId();

    UUID workspaceId();
}
