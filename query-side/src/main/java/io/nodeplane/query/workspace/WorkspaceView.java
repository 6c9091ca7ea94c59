package io.nodeplane.query.workspace;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_view}. */
public record WorkspaceView(
        UUID id, String name, String slug, String defaultTimezone, UUID createdByUserId, boolean isArchived,
        boolean isDefault, Instant createdAt, Instant updatedAt) {
}
