package io.nodeplane.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.agent.AgentTaskRequests.CompleteRequest;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.query.telemetry.LifecycleReceipts;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The task lifecycle over the agent socket ({@code task.accepted}, {@code task.started}, {@code task.log},
 * {@code task.completed}; contract §1.4): the legacy path, still served. Each message goes through the same
 * service as its HTTP twin; a message seen before (same task, event and timestamp) is acknowledged
 * {@code {ok:true, duplicate:true}} and not applied again.
 */
@Component
class LegacySocketLifecycle {

    static final java.util.Set<String> EVENTS = java.util.Set.of("task.accepted", "task.started", "task.log", "task.completed");

    private final AgentTasks tasks;
    private final LifecycleReceipts receipts;
    private final ObjectMapper json;
    private final Validator validator;

    LegacySocketLifecycle(AgentTasks tasks, LifecycleReceipts receipts, ObjectMapper json, Validator validator) {
        this.tasks = tasks;
        this.receipts = receipts;
        this.json = json;
        this.validator = validator;
    }

    /** Applies one lifecycle message of the authenticated agent; the value is the ack. */
    Mono<Map<String, Object>> apply(AgentIdentity agent, String event, JsonNode body) {
        UUID taskId;
        Instant timestamp;
        try {
            taskId = UUID.fromString(body.path("taskId").asText(""));
            timestamp = body.hasNonNull("timestamp") ? Instant.parse(body.get("timestamp").asText()) : null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Mono.error(new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "taskId must be a UUID and timestamp an ISO-8601 instant"));
        }
        if (timestamp == null) {
            return run(agent, event, taskId, null, body);
        }
        return receipts.first(taskId, event, timestamp).flatMap(first -> first
                ? run(agent, event, taskId, timestamp, body)
                        .onErrorResume(e -> receipts.forget(taskId, event, timestamp).then(Mono.error(e)))
                : Mono.just(ack(taskId, true)));
    }

    private Mono<Map<String, Object>> run(AgentIdentity agent, String event, UUID taskId, Instant timestamp, JsonNode body) {
        Mono<?> applied = switch (event) {
            case "task.accepted" -> tasks.accepted(agent, taskId);
            case "task.started" -> tasks.started(agent, taskId, timestamp);
            case "task.log" -> tasks.log(agent, taskId, body.path("stream").asText("stdout"), body.path("line").asText(""),
                    timestamp);
            default -> {
                CompleteRequest completion = completion(taskId, timestamp, body);
                var violations = validator.validate(completion);
                yield violations.isEmpty() ? tasks.completed(agent, taskId, completion)
                        : Mono.error(new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                                violations.iterator().next().getPropertyPath() + " " + violations.iterator().next().getMessage()));
            }
        };
        return applied.thenReturn(ack(taskId, false));
    }

    @SuppressWarnings("unchecked")
    private CompleteRequest completion(UUID taskId, Instant timestamp, JsonNode body) {
        Map<String, Object> result = body.get("result") != null && body.get("result").isObject()
                ? json.convertValue(body.get("result"), Map.class) : null;
        return new CompleteRequest(taskId, body.path("status").asText(""), result, text(body, "output"),
                body.hasNonNull("exitCode") ? body.get("exitCode").asInt() : null, text(body, "error"), timestamp,
                body.hasNonNull("durationMs") ? body.get("durationMs").asLong() : null);
    }

    private static Map<String, Object> ack(UUID taskId, boolean duplicate) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ok", true);
        ack.put("taskId", taskId.toString());
        if (duplicate) {
            ack.put("duplicate", true);
        }
        return ack;
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
