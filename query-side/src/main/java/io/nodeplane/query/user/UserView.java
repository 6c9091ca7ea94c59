package io.nodeplane.query.user;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code user_view}: what the API shows about a user. Holds no credential. */
public record UserView(
        UUID id, String email, String name, String role, boolean isActive, String timezone,
        String inviteStatus, Instant lastInvitedAt, Instant activatedAt, boolean criticalEventEmailsEnabled,
        boolean enrollmentEmailsEnabled, int sessionVersion, boolean mfaEnabled, Instant mfaEnabledAt,
        Instant createdAt, Instant updatedAt, UUID defaultWorkspaceId) {
}
