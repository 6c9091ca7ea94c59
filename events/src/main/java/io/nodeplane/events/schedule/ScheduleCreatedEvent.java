package io.nodeplane.events.schedule;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An owner or admin scheduled a command for a node or a team ({@code nodeId} xor {@code teamId}),
 * evaluated in the workspace's time zone; {@code nextRunAt} is the first slot.
 */
@Revision("1")
public record ScheduleCreatedEvent(UUID scheduleId, UUID workspaceId, UUID nodeId, UUID teamId, UUID ownerUserId,
                                   ScheduleDefinition definition, String timezone, Instant nextRunAt)
        implements ScheduleEvent {
}
