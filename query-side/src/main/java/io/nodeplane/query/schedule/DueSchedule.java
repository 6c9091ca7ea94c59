package io.nodeplane.query.schedule;

import java.time.Instant;
import java.util.UUID;

/** A schedule whose slot has come, as the runner sees it. */
public record DueSchedule(UUID id, Instant slot, UUID workspaceId, UUID teamId) {
}
