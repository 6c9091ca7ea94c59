package io.nodeplane.events.enrollment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The agent's bootstrap step used the token: the node now exists. */
@Revision("1")
public record NodeInstallConsumedEvent(UUID installId, UUID workspaceId, UUID nodeId, String hostname)
        implements NodeInstallEvent {
}
