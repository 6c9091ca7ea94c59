package io.nodeplane.api.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.task.TaskOperations;
import io.nodeplane.api.task.TaskResponse;
import io.nodeplane.command.task.TaskCommands.TaskSpec;
import io.nodeplane.events.task.TaskOrigin;
import io.nodeplane.query.audit.EventAppendedSignal;
import io.nodeplane.query.task.TaskQueryService;
import io.nodeplane.query.task.TaskView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Package operations are tasks (contract §1.6 package types). Reads queue an internal probe and wait
 * for the agent's answer: the task is re-read whenever events are stored (and at least twice a
 * second), up to {@code PACKAGE_WAIT_SECONDS} (20); then 202 with the task id, which the caller can follow.
 */
@Service
class PackageOperations {

    private static final Set<String> TERMINAL = Set.of("success", "failed", "cancelled");
    private static final TaskOrigin PROBE = new TaskOrigin(null, null, null, null, null, true);

    private final TaskOperations tasks;
    private final TaskQueryService queries;
    private final EventAppendedSignal appended;
    private final ObjectMapper json;
    private final Duration wait;

    PackageOperations(TaskOperations tasks, TaskQueryService queries, EventAppendedSignal appended, ObjectMapper json,
                      @org.springframework.beans.factory.annotation.Value("${nodeplane.packages.wait-seconds:20}") int wait) {
        this.wait = Duration.ofSeconds(wait);
        this.tasks = tasks;
        this.queries = queries;
        this.appended = appended;
        this.json = json;
    }

    Mono<ResponseEntity<Map<String, Object>>> list(UUID workspaceId, UUID nodeId, Actor actor) {
        return probe(workspaceId, nodeId, new TaskSpec("packageList", Map.of(), null, PROBE), "packages", null, actor);
    }

    Mono<ResponseEntity<Map<String, Object>>> search(UUID workspaceId, UUID nodeId, String term, Actor actor) {
        return probe(workspaceId, nodeId, new TaskSpec("packageSearch", Map.of("term", term, "query", term), null, PROBE),
                "results", term, actor);
    }

    Mono<ResponseEntity<Map<String, Object>>> change(UUID workspaceId, UUID nodeId, String operation, List<String> names,
                                                     boolean purge, Actor actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("names", names);
        payload.put("packages", names);
        if (names.size() == 1) {
            payload.put("package", names.get(0));
        }
        payload.put("purge", purge);
        return tasks.create(workspaceId, List.of(nodeId), new TaskSpec(operation, payload, null, null), actor)
                .map(created -> {
                    Map<String, Object> body = accepted(created.get(0), operation);
                    body.put("names", names);
                    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
                });
    }

    private Mono<ResponseEntity<Map<String, Object>>> probe(UUID workspaceId, UUID nodeId, TaskSpec spec, String field,
                                                            String term, Actor actor) {
        return tasks.create(workspaceId, List.of(nodeId), spec, actor).map(created -> created.get(0))
                .flatMap(task -> finished(task.id()).map(done -> ResponseEntity.ok(answer(done, spec.type(), field, term)))
                        .switchIfEmpty(Mono.fromSupplier(() -> {
                            Map<String, Object> body = accepted(task, spec.type());
                            if (term != null) {
                                body.put("term", term);
                            }
                            return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
                        })));
    }

    // signal-driven re-reads; the half-second tick covers a projection that lands after the last signal
    private Mono<TaskView> finished(UUID taskId) {
        return Flux.merge(Flux.just(0L), appended.appended(), Flux.interval(Duration.ofMillis(500)))
                .concatMap(tick -> queries.task(null, taskId), 1)
                .filter(t -> TERMINAL.contains(t.status())).next()
                .timeout(wait, Mono.empty());
    }

    private Map<String, Object> answer(TaskView task, String operation, String field, String term) {
        Map<String, Object> result = parse(task.result());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", task.id());
        body.put("operation", operation);
        body.put("taskStatus", task.status());
        body.put(field, result.getOrDefault(field, List.of()));
        if (term != null) {
            body.put("term", term);
        }
        body.put("error", task.status().equals("success") ? null : result.getOrDefault("error", task.output()));
        return body;
    }

    private static Map<String, Object> accepted(TaskResponse task, String operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", task.id());
        body.put("operation", operation);
        body.put("taskStatus", task.status());
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String result) {
        try {
            return result == null ? Map.of() : json.readValue(result, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
