package io.nodeplane.query.task;

import java.time.Instant;
import java.util.UUID;

/** One output line of a task ({@code level} stdout, stderr, info or error). */
public record TaskLog(UUID id, UUID taskId, String level, String message, Instant timestamp, Instant createdAt) {
}
