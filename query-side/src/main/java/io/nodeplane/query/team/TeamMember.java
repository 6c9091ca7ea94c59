package io.nodeplane.query.team;

import java.time.Instant;
import java.util.UUID;

/** A team membership with the member's name and e-mail. */
public record TeamMember(UUID teamId, UUID userId, String userName, String userEmail, Instant createdAt) {
}
