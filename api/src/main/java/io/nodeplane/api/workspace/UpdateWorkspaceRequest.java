package io.nodeplane.api.workspace;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /workspaces/:id}; omitted fields stay as they are. */
public record UpdateWorkspaceRequest(
        @Size(min = 1, max = 200) String name,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(?:-[a-z0-9]+)*", message = "must be lower-case words joined by dashes")
        String slug,
        @Size(max = 64) @Schema(description = "IANA zone") String defaultTimezone,
        @Schema(description = "true makes this the default; false is refused (make another one default instead)")
        Boolean isDefault,
        @Schema(description = "true archives (read-only); false restores") Boolean isArchived) {
}
