package io.nodeplane.api.workspace;

import io.nodeplane.query.workspace.WorkspaceView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A workspace as its members see it. */
@Schema(name = "Workspace")
public record WorkspaceResponse(
        UUID id, String name, @Schema(example = "default") String slug,
        @Schema(example = "Europe/Istanbul") String defaultTimezone, UUID createdByUserId, boolean isArchived,
        boolean isDefault, Instant createdAt, Instant updatedAt,
        @Schema(allowableValues = {"owner", "admin", "member", "viewer"}, nullable = true,
                description = "The caller's role; null for a platform admin who is not a member") String currentUserRole) {

    static WorkspaceResponse of(WorkspaceView w) {
        return new WorkspaceResponse(w.id(), w.name(), w.slug(), w.defaultTimezone(), w.createdByUserId(), w.isArchived(),
                w.isDefault(), w.createdAt(), w.updatedAt(), w.currentUserRole());
    }
}
