package io.nodeplane.query.workspace;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code workspace_view}, seen by one user.
 *
 * @param currentUserRole the viewer's role in the workspace, {@code null} when not a member
 */
public record WorkspaceView(
        UUID id, String name, String slug, String defaultTimezone, UUID createdByUserId, boolean isArchived,
        boolean isDefault, Instant createdAt, Instant updatedAt, String currentUserRole) {
}
