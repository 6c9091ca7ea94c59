package io.nodeplane.events.schedule;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workspace's time zone changed: the schedule now runs in {@code timezone} from {@code nextRunAt}. */
@Revision("1")
public record ScheduleRescheduledEvent(UUID scheduleId, UUID workspaceId, String timezone, Instant nextRunAt)
        implements ScheduleEvent {
}
