package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A node changed owning team; either side may be {@code null} (no team). */
@Revision("1")
public record NodeTeamAssignedEvent(UUID nodeId, UUID workspaceId, UUID previousTeamId, UUID teamId)
        implements NodeEvent {
}
