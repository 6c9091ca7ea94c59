package io.nodeplane.events.schedule;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A schedule runs again from {@code nextRunAt}. */
@Revision("1")
public record ScheduleEnabledEvent(UUID scheduleId, UUID workspaceId, String name, Instant nextRunAt)
        implements ScheduleEvent {
}
