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

    /** One task per node of the team ({@code POST …/tasks/teams/:teamId}): answers {@code {created[], skipped[]}}. */
    HttpRequest createTeamTasks(String jwt, String workspace, String teamId, String command) {
        return json("POST", "/api/v1/workspaces/" + workspace + "/tasks/teams/" + teamId, Map.of("type", "shell.exec",
                "payload", Map.of("command", command)), jwt).build();
    }

    HttpRequest cancelTask(String jwt, String workspace, String taskId, String reason) {
        return json("POST", "/api/v1/workspaces/" + workspace + "/tasks/" + taskId + "/cancel", Map.of("reason", reason),
                jwt).build();
    }

    HttpRequest listTasks(String jwt, String workspace, int limit) {
        return json("GET", "/api/v1/workspaces/" + workspace + "/tasks?limit=" + limit, null, jwt).build();
    }

    /** A node's metric samples, newest first, at most 100, recorded at or before {@code to} when given. */
    HttpRequest metricsOf(String jwt, String workspace, String nodeId, String to) {
        return json("GET", "/api/v1/workspaces/" + workspace + "/metrics?limit=100&nodeId=" + nodeId
                + (to == null ? "" : "&to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)),
                null, jwt).build();
    }

    String createTeam(String jwt, String workspace, String name) throws IOException, InterruptedException {
        return send("POST", "/api/v1/workspaces/" + workspace + "/teams", Map.of("name", name), jwt, 201).get("id").asText();
    }

    void assignTeam(String jwt, String workspace, String nodeId, String teamId) throws IOException, InterruptedException {
        send("POST", "/api/v1/workspaces/" + workspace + "/nodes/" + nodeId + "/team", Map.of("teamId", teamId), jwt, 201);
    }

    HttpRequest claim(Agent agent, int waitMs) {
        return json("POST", "/api/v1/agent/tasks/claim", Map.of("maxTasks", 1, "waitMs", waitMs), null)
                .header("Authorization", "Bearer " + agent.token()).header("x-agent-node-id", agent.nodeId())
                .timeout(Duration.ofMillis(waitMs + 15_000)).build();
    }

    HttpRequest metrics(Agent agent, double cpu) {
        return json("POST", "/api/v1/agent/metrics", Map.of("nodeId", agent.nodeId(), "agentToken", agent.token(),
                "cpuUsage", cpu, "memoryUsage", 40.0, "diskUsage", 60.0, "temperature", 45.0), null).build();
    }

    /** The target's process CPU and heap from its Prometheus endpoint ({@code /metrics}), as one line. */
    /** CPU time the server process has used so far ({@code process_cpu_time_ns_total}), in seconds; -1 if unknown. */
    double serverCpuSeconds() {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("process_cpu_time_ns_total")) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1e9;
                }
            }
        } catch (Exception e) {
            // reported as unknown
        }
        return -1;
    }

    String serverResources() {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double heap = 0;
            double rss = 0;
            for (String line : text.split("\n")) {
                // name{tags} value: the value is the last field
                double value = line.startsWith("#") || line.indexOf(' ') < 0 ? 0
                        : Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value;
                } else if (line.startsWith("process_resident_memory_bytes")) {
                    rss = value;
                }
            }
            return String.format("server: heap used %.0f MiB%s", heap / 1048576, rss > 0 ? String.format(", RSS %.0f MiB", rss / 1048576) : "");
        } catch (Exception e) {
            return "server resources unavailable: " + e;
        }
    }

    /** {@code POST /admin/projections/rebuild} (platform admin): the rebuild's {@code startedAt} and processors. */
    JsonNode rebuildProjections(String jwt) throws IOException, InterruptedException {
        return send("POST", "/api/v1/admin/projections/rebuild", null, jwt, 202);
    }

    /**
     * {@code GET /admin/projections} (platform admin), or {@code null} on 401: tokens are checked against the
     * users' read model, which a rebuild empties and replays first.
     */
    JsonNode projections(String jwt) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(json("GET", "/api/v1/admin/projections", null, jwt).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/admin/projections answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
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
