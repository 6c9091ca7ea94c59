package io.nodeplane.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.api.workspace.WorkspaceSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Helpers for node tests: agents speak HTTP exactly as the Noderax agent does. */
public abstract class NodeSupport extends WorkspaceSupport {

    /** What an agent keeps after joining. */
    public record Agent(UUID nodeId, String token) {
    }

    /** An approved node in a fresh workspace, with an owner, a viewer and the agent's credential. */
    public record Fleet(UUID workspace, Person owner, Person viewer, UUID nodeId, Agent agent, String hostname) {
    }

    protected Fleet fleet(String name) {
        String admin = adminToken();
        UUID workspace = createWorkspace(admin, unique(name));
        Person owner = person("owner");
        Person viewer = person("viewer");
        addMember(admin, workspace, owner.id(), "owner");
        addMember(admin, workspace, viewer.id(), "viewer");
        String hostname = host(name.toLowerCase());
        String token = (String) publicPost("/api/v1/enrollments/initiate", Map.of("email", "fleet@it.example.com",
                "hostname", hostname)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("token");
        Map<?, ?> creds = post(owner.token(), "/api/v1/workspaces/" + workspace + "/enrollments/" + token + "/finalize",
                Map.of("email", "fleet@it.example.com", "nodeName", name + "-node")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        UUID nodeId = UUID.fromString((String) creds.get("nodeId"));
        return new Fleet(workspace, owner, viewer, nodeId, new Agent(nodeId, (String) creds.get("agentToken")), hostname);
    }

    protected ResponseSpec publicPost(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Legacy register with the Go client's field names. */
    protected Agent register(String hostname) {
        Map<?, ?> body = publicPost("/api/v1/agent/register", Map.of("enrollmentToken", ENROLLMENT_TOKEN,
                "hostname", hostname, "operatingSystem", "linux", "platform", "ubuntu", "architecture", "amd64",
                "agentVersion", "1.0.7", "platformVersion", "24.04", "kernelVersion", "6.8.0"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) body.get("agentToken");
        assertThat(token).matches("[0-9a-f]{64}");
        return new Agent(UUID.fromString((String) body.get("nodeId")), token);
    }

    protected ResponseSpec heartbeat(Agent agent) {
        return publicPost("/api/v1/agent/heartbeat", Map.of("nodeId", agent.nodeId().toString(),
                "agentToken", agent.token(), "agentVersion", "1.0.8", "sentAt", "2026-11-23T10:00:00.000Z"));
    }

    protected ResponseSpec metrics(Agent agent, double cpu) {
        return publicPost("/api/v1/agent/metrics", Map.of("nodeId", agent.nodeId().toString(), "agentToken", agent.token(),
                "cpuUsage", cpu, "memoryUsage", 40.0, "diskUsage", 70.5, "temperature", 48.0));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> node(String token, UUID workspaceId, UUID nodeId) {
        return (Map<String, Object>) http.get().uri("/api/v1/workspaces/" + workspaceId + "/nodes/" + nodeId).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> list(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    protected List<Map<String, Object>> events(String token, UUID workspaceId, UUID nodeId) {
        return list(token, "/api/v1/workspaces/" + workspaceId + "/events?limit=100" + (nodeId == null ? "" : "&nodeId=" + nodeId));
    }

    protected List<String> eventTypes(String token, UUID workspaceId, UUID nodeId) {
        return events(token, workspaceId, nodeId).stream().map(e -> (String) e.get("type")).toList();
    }

    protected UUID defaultWorkspace(String adminToken) {
        return list(adminToken, "/api/v1/workspaces").stream().filter(w -> Boolean.TRUE.equals(w.get("isDefault")))
                .map(w -> UUID.fromString((String) w.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    protected static String host(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example";
    }
}
