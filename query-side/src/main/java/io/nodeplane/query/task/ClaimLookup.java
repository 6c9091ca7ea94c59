package io.nodeplane.query.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a claim needs to know, read in one round trip: whether the node takes work, the root-access
 * profile to hand its agent, and its claimable tasks, oldest first.
 */
public record ClaimLookup(boolean maintenance, String rootAccessProfile, Instant rootAccessUpdatedAt,
                          List<UUID> candidates) {
}
