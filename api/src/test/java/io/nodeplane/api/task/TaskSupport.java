package io.nodeplane.api.task;

import static org.awaitility.Awaitility.await;

import io.nodeplane.api.node.NodeSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Helpers for task tests: the agent's calls exactly as the Noderax agent makes them (headers auth). */
abstract class TaskSupport extends NodeSupport {

    protected ResponseSpec agentPost(Agent agent, String path, Map<String, ?> body) {
        return http.post().uri("/api/v1/agent/tasks" + path).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + agent.token()).header("x-agent-node-id", agent.nodeId().toString())
                .bodyValue(body).exchange();
    }

    protected Map<String, Object> claim(Agent agent, int waitMs) {
        return map(agentPost(agent, "/claim", Map.of("maxTasks", 1, "waitMs", waitMs)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected ResponseSpec createTask(String token, UUID workspace, UUID nodeId, Map<String, ?> payload) {
        return post(token, "/api/v1/workspaces/" + workspace + "/tasks", Map.of("nodeId", nodeId.toString(),
                "type", "shell.exec", "payload", payload));
    }

    protected UUID queue(String token, UUID workspace, UUID nodeId, String command) {
        Map<String, Object> task = map(createTask(token, workspace, nodeId, Map.of("command", command)).expectStatus()
                .isCreated().expectBody(Map.class).returnResult().getResponseBody());
        return UUID.fromString((String) task.get("id"));
    }

    protected Map<String, Object> task(String token, UUID workspace, UUID taskId) {
        return map(http.get().uri("/api/v1/workspaces/" + workspace + "/tasks/" + taskId).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    /** The task once the read model shows {@code condition} (bounded wait). */
    protected Map<String, Object> taskWhen(String token, UUID workspace, UUID taskId, Predicate<Map<String, Object>> condition) {
        Map<?, ?> found = await().atMost(Duration.ofSeconds(15)).until(() -> http.get()
                .uri("/api/v1/workspaces/" + workspace + "/tasks/" + taskId).headers(h -> h.setBearerAuth(token))
                .exchange().returnResult(Map.class).getResponseBody().blockFirst(),
                t -> t != null && t.get("id") != null && condition.test(map(t)));
        return map(found);
    }

    protected List<Map<String, Object>> taskLogs(String token, UUID workspace, UUID taskId) {
        return list(token, "/api/v1/workspaces/" + workspace + "/tasks/" + taskId + "/logs?limit=1000");
    }

    protected static Map<String, Object> transition(UUID taskId) {
        return Map.of("taskId", taskId.toString(), "timestamp", "2026-11-23T10:00:01.000Z");
    }
}
