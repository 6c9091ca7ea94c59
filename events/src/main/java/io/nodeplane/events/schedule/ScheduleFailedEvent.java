package io.nodeplane.events.schedule;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The schedule's {@code slot} came but no task could be queued ({@code error} says why); it moves on. */
@Revision("1")
public record ScheduleFailedEvent(UUID scheduleId, UUID workspaceId, String name, Instant slot, String error,
                                  Instant nextRunAt) implements ScheduleEvent {
}
