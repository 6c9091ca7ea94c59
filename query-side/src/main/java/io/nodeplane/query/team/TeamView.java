package io.nodeplane.query.team;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code team_view} with its member count. */
public record TeamView(UUID id, UUID workspaceId, String name, String description, long memberCount,
                       Instant createdAt, Instant updatedAt) {
}
