package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A node entered maintenance: it accepts no new work until maintenance ends. */
@Revision("1")
public record NodeMaintenanceEnabledEvent(UUID nodeId, UUID workspaceId, String hostname, String reason,
                                          UUID byUserId) implements NodeEvent {
}
