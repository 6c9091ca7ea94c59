package io.nodeplane.query.task;

import java.time.Instant;
import java.util.UUID;

/** Filters of the task list; {@code null} means any. Internal tasks only with {@code includeInternal}. */
public record TaskFilter(UUID nodeId, String status, String type, UUID teamId, Instant from, Instant to,
                         boolean includeInternal, int limit, int offset) {
}
