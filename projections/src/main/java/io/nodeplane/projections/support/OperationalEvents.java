package io.nodeplane.projections.support;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.query.event.OperationalEvent;
import io.nodeplane.query.event.OperationalEventRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes rows of {@code event_view} for the projections of the {@code event-view} group. Each row takes
 * its source event's id, so a replay writes nothing twice.
 */
@Component
public class OperationalEvents {

    private final OperationalEventRepository events;

    OperationalEvents(OperationalEventRepository events) {
        this.events = events;
    }

    public void record(String messageId, UUID workspaceId, UUID nodeId, String type, String severity, String message,
                       Map<String, Object> metadata, Instant at) {
        UUID source = sourceId(messageId);
        write(events.insert(new OperationalEvent(source, workspaceId, nodeId, type, severity, message, Json.of(metadata), at),
                source));
    }

    public void deleteWorkspace(UUID workspaceId) {
        write(events.deleteWorkspace(workspaceId));
    }

    public void deleteProjected() {
        write(events.deleteProjected());
    }

    private static UUID sourceId(String messageId) {
        try {
            return UUID.fromString(messageId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8));
        }
    }
}
