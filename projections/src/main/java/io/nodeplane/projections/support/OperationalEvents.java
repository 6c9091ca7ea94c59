package io.nodeplane.projections.support;

import static io.nodeplane.projections.support.ProjectionWrites.changed;
import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.query.event.OperationalEvent;
import io.nodeplane.query.event.OperationalEventRepository;
import io.nodeplane.query.realtime.RealtimeBus;
import io.nodeplane.projections.support.ProjectionWrites.Announcer;
import reactor.core.publisher.Mono;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes rows of {@code event_view} for the projections of the {@code event-view} group. Each row takes
 * its source event's id, so a replay writes nothing twice. Each new row is announced as {@code event.created}.
 */
@Component
public class OperationalEvents {

    private final OperationalEventRepository events;
    private final Announcer<OperationalEvent> created;

    OperationalEvents(OperationalEventRepository events, RealtimeBus bus) {
        this.events = events;
        // the row is announced as written (it never changes afterwards): no read-back needed
        this.created = rows -> Mono.fromRunnable(() -> rows.forEach(
                r -> bus.publish(RealtimeBus.EVENT_CREATED, r.workspaceId(), r.nodeId(), r)));
    }

    public void record(String messageId, UUID workspaceId, UUID nodeId, String type, String severity, String message,
                       Map<String, Object> metadata, Instant at) {
        UUID source = sourceId(messageId);
        OperationalEvent row = new OperationalEvent(source, workspaceId, nodeId, type, severity, message, Json.of(metadata), at);
        write(events.insert(row, source));
        changed(created, row);
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
