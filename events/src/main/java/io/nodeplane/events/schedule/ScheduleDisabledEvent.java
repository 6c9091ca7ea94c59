package io.nodeplane.events.schedule;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A schedule stopped running ({@code nextRunAt} becomes null). */
@Revision("1")
public record ScheduleDisabledEvent(UUID scheduleId, UUID workspaceId, String name) implements ScheduleEvent {
}
