package io.nodeplane.command.task;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.command.task.TaskCommands.CompleteTaskCommand;
import io.nodeplane.events.task.TaskStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The stored {@code result} objects and the completion mapping of contract §1.6. */
final class TaskResults {

    /** Stored output is cut to this many characters ({@code outputTruncated:true}). */
    static final int OUTPUT_LIMIT = 8000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskResults() {
    }

    static Completion completion(CompleteTaskCommand c, Instant now) {
        String reported = c.status() == null ? "" : c.status().trim().toLowerCase(Locale.ROOT);
        TaskStatus status = switch (reported) {
            case "success" -> TaskStatus.SUCCESS;
            case "failed", "timeout" -> TaskStatus.FAILED;
            case "cancelled", "canceled" -> TaskStatus.CANCELLED;
            default -> throw badRequest("TASK_STATUS_INVALID",
                    "status must be one of success, failed, timeout, cancelled, canceled");
        };
        Instant finishedAt = c.timestamp() == null ? now : c.timestamp();
        Map<String, Object> result = c.result();
        if (result == null) {
            result = new LinkedHashMap<>();
            result.put("exitCode", c.exitCode());
            result.put("durationMs", c.durationMs());
            result.put("completedAt", finishedAt.toString());
            if (c.error() != null) {
                result.put("error", c.error());
            }
            if (reported.equals("timeout")) {
                result.put("reason", "timeout");
            }
        }
        String output = c.output() != null ? c.output() : c.error();
        boolean truncated = output != null && output.length() > OUTPUT_LIMIT;
        return new Completion(status, reported, finishedAt, c.exitCode(), json(result),
                truncated ? output.substring(0, OUTPUT_LIMIT) : output, truncated);
    }

    static String cancelledBeforeRun(String reason) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reason", "cancel-requested-before-run");
        if (reason != null) {
            result.put("cancelReason", reason);
        }
        return json(result);
    }

    static String stale(TaskStatus previous, String message) {
        return json(Map.of("reason", "stale-timeout", "previousStatus", previous.wire(), "message", message));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw badRequest("TASK_JSON_INVALID", "value cannot be stored as JSON: " + e.getOriginalMessage());
        }
    }
}
