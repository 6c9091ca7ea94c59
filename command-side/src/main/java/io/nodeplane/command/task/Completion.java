package io.nodeplane.command.task;

import io.nodeplane.events.task.TaskStatus;
import java.time.Instant;

/** A completion report after mapping (status) and truncation (output), ready for the aggregate. */
record Completion(TaskStatus status, String reportedStatus, Instant finishedAt, Integer exitCode, String result,
                  String output, boolean outputTruncated) {
}
