package io.nodeplane.events.schedule;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A schedule's definition changed; {@code nextRunAt} follows the new cadence (null while disabled). */
@Revision("1")
public record ScheduleUpdatedEvent(UUID scheduleId, UUID workspaceId, ScheduleDefinition before,
                                   ScheduleDefinition after, Instant nextRunAt) implements ScheduleEvent {
}
