package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A node was removed from its workspace; its agent credential is revoked with it. */
@Revision("1")
public record NodeDeletedEvent(UUID nodeId, UUID workspaceId, String hostname, String name) implements NodeEvent {
}
