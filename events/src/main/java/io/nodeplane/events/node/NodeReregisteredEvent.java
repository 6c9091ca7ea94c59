package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An existing node registered again through the legacy route: its agent credential was rotated. */
@Revision("1")
public record NodeReregisteredEvent(UUID nodeId, UUID workspaceId, String hostname, String os, String arch,
                                    AgentInfo agent) implements NodeEvent {
}
