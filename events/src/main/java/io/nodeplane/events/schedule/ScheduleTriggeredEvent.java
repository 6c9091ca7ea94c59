package io.nodeplane.events.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The schedule's {@code slot} came and its tasks were queued (one per node; a team schedule may
 * queue several, or none when every node was skipped); the next slot is {@code nextRunAt}.
 */
@Revision("1")
public record ScheduleTriggeredEvent(UUID scheduleId, UUID workspaceId, String name, Instant slot, List<UUID> taskIds,
                                     Instant nextRunAt) implements ScheduleEvent {
}
