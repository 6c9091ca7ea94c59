package io.nodeplane.api.workspace;

import io.nodeplane.query.workspace.WorkspaceMember;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A workspace membership with the member's name, e-mail and active state. */
@Schema(name = "WorkspaceMember")
public record MemberResponse(UUID id, UUID workspaceId, UUID userId,
                             @Schema(allowableValues = {"owner", "admin", "member", "viewer"}) String role,
                             String userName, String userEmail, boolean userIsActive, Instant createdAt,
                             Instant updatedAt) {

    public static MemberResponse of(WorkspaceMember m) {
        return new MemberResponse(m.id(), m.workspaceId(), m.userId(), m.role(), m.userName(), m.userEmail(),
                m.userIsActive(), m.createdAt(), m.updatedAt());
    }
}
