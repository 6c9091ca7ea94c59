package io.nodeplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A control plane speaking the Noderax contract, reached over HTTP only. */
final class Target {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A registered agent: its node and credential. */
    record Agent(String nodeId, String token) {
    }

    private final String base;
    private final HttpClient http;

    Target(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    String login(String email, String password) throws IOException, InterruptedException {
        return send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null, 200)
                .get("accessToken").asText();
    }

    String defaultWorkspace(String jwt) throws IOException, InterruptedException {
        for (JsonNode w : send("GET", "/api/v1/workspaces", null, jwt, 200)) {
            if (w.path("isDefault").asBoolean()) {
                return w.get("id").asText();
            }
        }
        throw new IllegalStateException("the target has no default workspace");
    }

    /** Legacy registration with the shared enrollment token: the node lands in the default workspace. */
    Agent register(String enrollmentToken, String hostname) throws IOException, InterruptedException {
        JsonNode r = send("POST", "/api/v1/agent/register", Map.of("enrollmentToken", enrollmentToken, "hostname", hostname,
                "os", "linux", "arch", "amd64", "agentVersion", "bench"), null, 201);
        return new Agent(r.get("nodeId").asText(), r.get("agentToken").asText());
    }

    HttpRequest createTask(String jwt, String workspace, String nodeId, String command) {
        return json("POST", "/api/v1/workspaces/" + workspace + "/tasks", Map.of("nodeId", nodeId, "type", "shell.exec",
                "payload", Map.of("command", command)), jwt).build();
    }

    /** One request that queues the same command on every node of {@code nodeIds} (all or nothing). */
    HttpRequest createTasks(String jwt, String workspace, java.util.List<String> nodeIds, String command) {
        return json("POST", "/api/v1/workspaces/" + workspace + "/tasks/batch", Map.of("nodeIds", nodeIds,
                "type", "shell.exec", "payload", Map.of("command", command)), jwt).build();
    }

    HttpRequest claim(Agent agent, int waitMs) {
        return json("POST", "/api/v1/agent/tasks/claim", Map.of("maxTasks", 1, "waitMs", waitMs), null)
                .header("Authorization", "Bearer " + agent.token()).header("x-agent-node-id", agent.nodeId())
                .timeout(Duration.ofMillis(waitMs + 15_000)).build();
    }

    HttpRequest getTask(String jwt, String workspace, String taskId) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces/" + workspace + "/tasks/" + taskId))
                .header("Authorization", "Bearer " + jwt).GET().build();
    }

    CompletableFuture<HttpResponse<String>> async(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sync(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode send(String method, String path, Object body, String jwt, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(json(method, path, body, jwt).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder json(String method, String path, Object body, String jwt) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (jwt != null) {
            b.header("Authorization", "Bearer " + jwt);
        }
        try {
            return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
