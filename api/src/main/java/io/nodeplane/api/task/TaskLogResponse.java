package io.nodeplane.api.task;

import io.nodeplane.query.task.TaskLog;
import java.time.Instant;
import java.util.UUID;

/** One output line (contract §1.2 TaskLog row). */
public record TaskLogResponse(UUID id, UUID taskId, String level, String message, Instant timestamp, Instant createdAt) {

    public static TaskLogResponse of(TaskLog l) {
        return new TaskLogResponse(l.id(), l.taskId(), l.level(), l.message(), l.timestamp(), l.createdAt());
    }
}
