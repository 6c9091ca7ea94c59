package io.nodeplane.api.workspace;

import io.nodeplane.events.workspace.WorkspaceRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.UUID;

/** Request bodies of the member routes. */
final class MemberRequests {

    private static final String ROLES = "owner|admin|member|viewer";

    private MemberRequests() {
    }

    /** {@code POST /workspaces/:id/members}: reference an existing, active user. */
    record AddMemberRequest(
            @NotNull UUID userId,
            @NotNull @Pattern(regexp = ROLES, message = "must be one of owner, admin, member, viewer")
            @Schema(allowableValues = {"owner", "admin", "member", "viewer"}) String role) {
    }

    /** {@code PATCH /workspaces/:id/members/:membershipId}. */
    record UpdateMemberRequest(
            @NotNull @Pattern(regexp = ROLES, message = "must be one of owner, admin, member, viewer")
            @Schema(allowableValues = {"owner", "admin", "member", "viewer"}) String role) {
    }

    static WorkspaceRole role(String wire) {
        return WorkspaceRole.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
