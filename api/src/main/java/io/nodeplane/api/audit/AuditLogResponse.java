package io.nodeplane.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.query.audit.AuditEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An audit entry in the shape of contract §2.4. */
@Schema(name = "AuditLog")
public record AuditLogResponse(
        UUID id, @Schema(allowableValues = {"platform", "workspace"}) String scope, UUID workspaceId,
        @Schema(allowableValues = {"user", "system"}) String actorType, UUID actorUserId, String actorEmailSnapshot,
        @Schema(example = "auth.login.success") String action, @Schema(example = "user") String targetType,
        String targetId, String targetLabel, String ipAddress, String userAgent,
        @JsonRawValue @Schema(type = "object", nullable = true, description = "{before, after} or null") String changes,
        @JsonRawValue @Schema(type = "object") String metadata,
        Instant createdAt) {

    static AuditLogResponse of(AuditEntry e) {
        return new AuditLogResponse(e.id(), e.scope(), e.workspaceId(), e.actorType(), e.actorUserId(),
                e.actorEmailSnapshot(), e.action(), e.targetType(), e.targetId(), e.targetLabel(), e.ipAddress(),
                e.userAgent(), e.changes(), e.metadata(), e.createdAt());
    }
}
