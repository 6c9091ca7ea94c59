package io.nodeplane.query.enrollment;

import java.time.Instant;
import java.util.UUID;

/** A one-click install as stored; an unconsumed install past {@code expiresAt} reads as expired. */
public record NodeInstallView(UUID id, UUID workspaceId, UUID teamId, String nodeName, String description,
                              String hostname, UUID nodeId, String status, String stage, int progressPercent,
                              String statusMessage, Instant startedAt, Instant consumedAt, Instant expiresAt,
                              Instant createdAt, Instant updatedAt) {
}
