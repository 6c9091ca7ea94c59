package io.nodeplane.query.node;

import java.time.Instant;
import java.util.UUID;

/**
 * A node as operators see it: the event-sourced state joined with its last report.
 *
 * @param location raw JSON of the last reported location, or {@code null}
 */
public record NodeView(UUID id, UUID workspaceId, String name, String description, String hostname, String os,
                       String arch, String status, UUID teamId, String teamName, boolean maintenanceMode,
                       String maintenanceReason, Instant maintenanceStartedAt, UUID maintenanceByUserId,
                       String agentVersion, String platformVersion, String kernelVersion,
                       Instant lastVersionReportedAt, Instant lastSeenAt, String location, RootAccess rootAccess,
                       Instant createdAt, Instant updatedAt) {

    /** Desired root-access profile and what the agent last reported applying. */
    public record RootAccess(String profile, String appliedProfile, String syncStatus, Instant updatedAt,
                             UUID updatedByUserId, Instant lastAppliedAt, String lastError) {
    }
}
