package io.nodeplane.api.node;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.query.node.NodeView;
import java.time.Instant;
import java.util.UUID;

/** A node as the contract shows it (§2.1); the agent credential never appears. */
public record NodeResponse(UUID id, UUID workspaceId, String name, String description, String hostname, String os,
                           String arch, String status, UUID teamId, String teamName, boolean maintenanceMode,
                           String maintenanceReason, Instant maintenanceStartedAt, UUID maintenanceByUserId,
                           String agentVersion, String platformVersion, String kernelVersion,
                           Instant lastVersionReportedAt, Instant lastSeenAt, @JsonRawValue String location,
                           String rootAccessProfile, String rootAccessAppliedProfile, String rootAccessSyncStatus,
                           Instant rootAccessUpdatedAt, UUID rootAccessUpdatedByUserId, Instant rootAccessLastAppliedAt,
                           String rootAccessLastError, Instant createdAt, Instant updatedAt) {

    public static NodeResponse of(NodeView n) {
        return new NodeResponse(n.id(), n.workspaceId(), n.name(), n.description(), n.hostname(), n.os(), n.arch(),
                n.status(), n.teamId(), n.teamName(), n.maintenanceMode(), n.maintenanceReason(),
                n.maintenanceStartedAt(), n.maintenanceByUserId(), n.agentVersion(), n.platformVersion(),
                n.kernelVersion(), n.lastVersionReportedAt(), n.lastSeenAt(), n.location(), n.rootAccess().profile(),
                n.rootAccess().appliedProfile(), n.rootAccess().syncStatus(), n.rootAccess().updatedAt(),
                n.rootAccess().updatedByUserId(), n.rootAccess().lastAppliedAt(), n.rootAccess().lastError(),
                n.createdAt(), n.updatedAt());
    }
}
