package io.nodeplane.events.node;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An online node fell silent.
 *
 * @param lastSeenAt              the last report seen, or {@code null} if none was ever seen
 * @param heartbeatTimeoutSeconds the silence that triggered the detector, or {@code null} for other sources
 * @param source                  {@code heartbeat_timeout} (the detector) or {@code agent_realtime} (socket closed)
 */
@Revision("1")
public record NodeWentOfflineEvent(UUID nodeId, UUID workspaceId, String hostname, Instant lastSeenAt,
                                   Integer heartbeatTimeoutSeconds, String source) implements NodeEvent {
}
