package io.nodeplane.query.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code audit_log_view}, in the Noderax audit entry shape.
 *
 * @param changes  JSON text {@code {before, after}} or {@code null}
 * @param metadata JSON text, never {@code null}
 */
public record AuditEntry(
        UUID id, long globalIndex, String scope, UUID workspaceId, String actorType, UUID actorUserId,
        String actorEmailSnapshot, String action, String targetType, String targetId, String targetLabel,
        String ipAddress, String userAgent, String changes, String metadata, Instant createdAt) {
}
