package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An owner or admin changed which root access the node's agent should allow (contract §2.1
 * {@code rootAccessProfile}); the agent applies it and reports the applied profile later.
 */
@Revision("1")
public record NodeRootAccessProfileChangedEvent(UUID nodeId, UUID workspaceId, String hostname, String previousProfile,
                                                String profile, UUID byUserId) implements NodeEvent {
}
