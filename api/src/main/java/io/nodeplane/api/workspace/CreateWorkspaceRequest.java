package io.nodeplane.api.workspace;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /workspaces}; the slug is derived from the name when omitted. */
public record CreateWorkspaceRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Production") String name,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(?:-[a-z0-9]+)*", message = "must be lower-case words joined by dashes")
        @Schema(example = "production") String slug,
        @Size(max = 64) @Schema(example = "Europe/Istanbul", description = "IANA zone, default UTC") String defaultTimezone,
        @Schema(description = "make it the default workspace (the previous default stops being one)") Boolean isDefault) {
}
