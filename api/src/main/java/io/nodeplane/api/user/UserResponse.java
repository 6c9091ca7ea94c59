package io.nodeplane.api.user;

import io.nodeplane.query.user.UserView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it; never carries a credential. */
@Schema(name = "User")
public record UserResponse(
        UUID id, @Schema(example = "admin@example.com") String email, String name,
        @Schema(allowableValues = {"platform_admin", "user"}) String role, boolean isActive, String timezone,
        @Schema(allowableValues = {"pending", "accepted", "revoked"}) String inviteStatus, Instant lastInvitedAt,
        Instant activatedAt, boolean criticalEventEmailsEnabled, boolean enrollmentEmailsEnabled,
        boolean mfaEnabled, Instant mfaEnabledAt, Instant createdAt, Instant updatedAt,
        @Schema(description = "the workspace the web app opens first", nullable = true) UUID defaultWorkspaceId) {

    public static UserResponse of(UserView u) {
        return new UserResponse(u.id(), u.email(), u.name(), u.role(), u.isActive(), u.timezone(), u.inviteStatus(),
                u.lastInvitedAt(), u.activatedAt(), u.criticalEventEmailsEnabled(), u.enrollmentEmailsEnabled(),
                u.mfaEnabled(), u.mfaEnabledAt(), u.createdAt(), u.updatedAt(), u.defaultWorkspaceId());
    }
}
