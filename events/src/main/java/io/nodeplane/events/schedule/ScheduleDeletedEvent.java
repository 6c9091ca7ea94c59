package io.nodeplane.events.schedule;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A schedule was removed; it runs no more. */
@Revision("1")
public record ScheduleDeletedEvent(UUID scheduleId, UUID workspaceId, String name) implements ScheduleEvent {
}
