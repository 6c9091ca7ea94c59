package io.nodeplane.query.workspace;

import java.time.Instant;
import java.util.UUID;

/** A membership with the member's user details, as workspace member lists show it. */
public record WorkspaceMember(UUID id, UUID workspaceId, UUID userId, String role, String userName, String userEmail,
                              boolean userIsActive, Instant createdAt, Instant updatedAt) {
}
