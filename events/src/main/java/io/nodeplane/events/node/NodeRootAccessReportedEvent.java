package io.nodeplane.events.node;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The node's agent reported which root-access profile it has applied (task claims and
 * {@code agent.auth} carry the report); recorded only when the report changes.
 */
@Revision("1")
public record NodeRootAccessReportedEvent(UUID nodeId, UUID workspaceId, String hostname, String appliedProfile,
                                          Instant lastAppliedAt, String lastError) implements NodeEvent {
}
