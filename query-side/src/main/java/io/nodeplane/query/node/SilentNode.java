package io.nodeplane.query.node;

import java.time.Instant;
import java.util.UUID;

/** An online node that has not reported for too long; {@code lastSeenAt} is null if it never reported. */
public record SilentNode(UUID nodeId, Instant lastSeenAt) {
}
