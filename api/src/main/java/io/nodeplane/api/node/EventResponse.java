package io.nodeplane.api.node;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.query.event.OperationalEvent;
import java.time.Instant;
import java.util.UUID;

/** An operational event as the contract shows it (§2.1 {@code events}). */
public record EventResponse(UUID id, UUID workspaceId, UUID nodeId, String type, String severity, String message,
                            @JsonRawValue String metadata, Instant createdAt) {

    public static EventResponse of(OperationalEvent e) {
        return new EventResponse(e.id(), e.workspaceId(), e.nodeId(), e.type(), e.severity(), e.message(), e.metadata(),
                e.createdAt());
    }
}
