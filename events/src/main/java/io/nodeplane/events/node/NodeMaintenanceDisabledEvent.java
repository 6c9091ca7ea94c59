package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A node left maintenance. */
@Revision("1")
public record NodeMaintenanceDisabledEvent(UUID nodeId, UUID workspaceId, String hostname, UUID byUserId)
        implements NodeEvent {
}
