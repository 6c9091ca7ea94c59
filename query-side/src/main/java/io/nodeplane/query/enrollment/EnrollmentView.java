package io.nodeplane.query.enrollment;

import java.time.Instant;
import java.util.UUID;

/** A two-step enrollment; {@code status} is {@code pending|approved|revoked} as stored (expiry is applied by readers). */
public record EnrollmentView(UUID id, String email, String hostname, String status, UUID workspaceId, UUID nodeId,
                             Instant expiresAt, Instant createdAt) {
}
