package io.nodeplane.events.node;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An offline node reported again. Only the transition is an event; the reports themselves are telemetry.
 *
 * @param source what brought it back: {@code heartbeat}, {@code metrics}, {@code register}, {@code agent_realtime}
 */
@Revision("1")
public record NodeWentOnlineEvent(UUID nodeId, UUID workspaceId, String hostname, String source)
        implements NodeEvent {
}
