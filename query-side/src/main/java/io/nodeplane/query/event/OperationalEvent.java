package io.nodeplane.query.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An operational event of a workspace (contract §2.1 {@code events}), e.g. {@code node.offline}.
 *
 * @param metadata raw JSON object
 */
public record OperationalEvent(UUID id, UUID workspaceId, UUID nodeId, String type, String severity, String message,
                               String metadata, Instant createdAt) {
}
