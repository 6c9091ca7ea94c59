package io.nodeplane.api.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodeplane.api.agent.AgentAuthenticator;
import io.nodeplane.api.agent.AgentIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Legacy register, heartbeats, metrics, offline detection: HTTP exactly as the Noderax agent sends it. */
class AgentTelemetryIT extends NodeSupport {

    @Autowired
    AgentAuthenticator authenticator;

    @Test
    void legacyRegisterCreatesAnOnlineNodeInTheDefaultWorkspaceAndReregisterRotatesItsToken() {
        String admin = adminToken();
        publicPost("/api/v1/agent/register", Map.of("enrollmentToken", "wrong-token", "hostname", host("x")))
                .expectStatus().isForbidden().expectBody().jsonPath("$.message").isEqualTo("Invalid enrollment token");

        String hostname = host("legacy");
        Agent first = register(hostname);
        UUID workspace = defaultWorkspace(admin);
        Map<String, Object> node = node(admin, workspace, first.nodeId());
        assertThat(node.get("hostname")).isEqualTo(hostname);
        assertThat(node.get("os")).isEqualTo("linux");
        assertThat(node.get("arch")).isEqualTo("amd64");
        assertThat(node.get("agentVersion")).isEqualTo("1.0.7");
        assertThat(node).doesNotContainKeys("agentToken", "agentTokenHash");
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(admin, workspace, first.nodeId()).contains("node.registered"));

        Agent second = register(hostname.toUpperCase());
        assertThat(second.nodeId()).isEqualTo(first.nodeId());
        assertThat(second.token()).isNotEqualTo(first.token());
        heartbeat(first).expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("Invalid agent credentials");
        heartbeat(second).expectStatus().isOk();
    }

    @Test
    void heartbeatsAndMetricsAreStoredAndReadBackNewestFirst() {
        String admin = adminToken();
        UUID workspace = defaultWorkspace(admin);
        Agent agent = register(host("metrics"));

        heartbeat(agent).expectStatus().isOk().expectBody()
                .jsonPath("$.acknowledged").isEqualTo(true).jsonPath("$.status").isEqualTo("online")
                .jsonPath("$.nodeId").isEqualTo(agent.nodeId().toString()).jsonPath("$.lastSeenAt").isNotEmpty();
        metrics(agent, 12.5).expectStatus().isOk().expectBody()
                .jsonPath("$.nodeId").isEqualTo(agent.nodeId().toString()).jsonPath("$.cpuUsage").isEqualTo(12.5)
                .jsonPath("$.workspaceId").isEqualTo(workspace.toString());
        // nested form with the interface list, as the full collector sends it
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", agent.nodeId().toString(), "agentToken", agent.token(),
                "cpu", Map.of("usagePercent", 33.0), "memory", Map.of("usedPercent", 50.0, "totalBytes", 1024),
                "disk", Map.of("usedPercent", 60.0, "path", "/"),
                "networks", List.of(Map.of("interface", "eth0", "bytesSent", 100, "bytesRecv", 200),
                        Map.of("interface", "eth1", "bytesSent", 1, "bytesRecv", 2)),
                "location", Map.of("provider", "hetzner", "source", "metadata", "region", "eu-central")))
                .expectStatus().isOk();

        List<Map<String, Object>> rows = list(admin, "/api/v1/workspaces/" + workspace + "/metrics?nodeId="
                + agent.nodeId() + "&limit=1");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("cpuUsage")).isEqualTo(33.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> network = (Map<String, Object>) rows.get(0).get("networkStats");
        assertThat(network).containsEntry("rxBytes", 202).containsEntry("txBytes", 101);
        assertThat((List<?>) network.get("interfaces")).hasSize(2);
        assertThat(list(admin, "/api/v1/workspaces/" + workspace + "/metrics?nodeId=" + agent.nodeId())).hasSize(2);

        Map<String, Object> node = node(admin, workspace, agent.nodeId());
        assertThat(node.get("lastSeenAt")).isNotNull();
        assertThat(node.get("agentVersion")).isEqualTo("1.0.8"); // reported by the heartbeat
        assertThat(node.get("lastVersionReportedAt")).isNotNull();
        assertThat(node.get("location")).isEqualTo(Map.of("provider", "hetzner", "source", "metadata", "region", "eu-central"));
    }

    @Test
    void highCpuRecordsOneEventPerInterval() {
        String admin = adminToken();
        UUID workspace = defaultWorkspace(admin);
        Agent agent = register(host("hot"));
        metrics(agent, 97).expectStatus().isOk();
        metrics(agent, 99).expectStatus().isOk();
        metrics(agent, 10).expectStatus().isOk();
        List<Map<String, Object>> high = list(admin, "/api/v1/workspaces/" + workspace + "/events?type=high.cpu&nodeId="
                + agent.nodeId());
        assertThat(high).hasSize(1);
        assertThat(high.get(0)).containsEntry("severity", "critical");
        assertThat(map(high.get(0).get("metadata"))).containsEntry("cpuUsage", 97.0);
    }

    @Test
    void badTelemetryGetsPreciseErrorsAndStoresNothing() {
        Agent agent = register(host("bad"));
        long before = DB.queryLong("SELECT count(*) FROM node_metric WHERE node_id = '" + agent.nodeId() + "'");
        String id = agent.nodeId().toString();
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", id, "agentToken", agent.token(), "memoryUsage", 1, "diskUsage", 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").isEqualTo("cpuUsage is required")
                .jsonPath("$.errors[0]").isEqualTo("cpuUsage is required");
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", id, "agentToken", agent.token(), "cpuUsage", 101,
                "memoryUsage", 1, "diskUsage", 1)).expectStatus().isBadRequest();
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", id, "agentToken", agent.token(), "cpuUsage", 1,
                "memoryUsage", 1, "diskUsage", 1, "gpuUsage", 5)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("property gpuUsage should not exist");
        http.post().uri("/api/v1/agent/metrics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"nodeId\":\"" + id + "\",\"agentToken\":\"" + agent.token()
                        + "\",\"cpuUsage\":NaN,\"memoryUsage\":1,\"diskUsage\":1}")
                .exchange().expectStatus().isBadRequest();
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", id, "agentToken", "f".repeat(64), "cpuUsage", 1,
                "memoryUsage", 1, "diskUsage", 1)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").isEqualTo("Invalid agent credentials");
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", UUID.randomUUID().toString(), "agentToken", agent.token(),
                "cpuUsage", 1, "memoryUsage", 1, "diskUsage", 1)).expectStatus().isUnauthorized();
        publicPost("/api/v1/agent/metrics", Map.of("nodeId", id, "agentToken", agent.token(), "cpuUsage", 1,
                "memoryUsage", 1, "diskUsage", 1, "networkStats", Map.of("pad", "x".repeat(MAX_BODY_BYTES))))
                .expectStatus().isEqualTo(413);
        publicPost("/api/v1/agent/heartbeat", Map.of("nodeId", "not-a-uuid", "agentToken", agent.token()))
                .expectStatus().isBadRequest();
        assertThat(DB.queryLong("SELECT count(*) FROM node_metric WHERE node_id = '" + id + "'")).isEqualTo(before);
    }

    @Test
    void agentHeadersAreCheckedWithTheContractsMessages() {
        Agent agent = register(host("headers"));
        AgentIdentity identity = authenticator.authenticate(MockServerHttpRequest.post("/")
                .header("X-Agent-Node-Id", agent.nodeId().toString()).header("Authorization", "Bearer " + agent.token())
                .build()).block(Duration.ofSeconds(5));
        assertThat(identity.nodeId()).isEqualTo(agent.nodeId());
        assertThat(identity.workspaceId()).isEqualTo(defaultWorkspace(adminToken()));

        assertThat(failure(MockServerHttpRequest.post("/").header("Authorization", "Bearer " + agent.token()).build()))
                .isEqualTo("x-agent-node-id and Authorization: Bearer <agent-token> are required");
        assertThat(failure(MockServerHttpRequest.post("/").header("x-agent-node-id", agent.nodeId().toString()).build()))
                .isEqualTo("x-agent-node-id and Authorization: Bearer <agent-token> are required");
        assertThat(failure(MockServerHttpRequest.post("/").header("x-agent-node-id", agent.nodeId().toString())
                .header("Authorization", "Bearer " + "0".repeat(64)).build())).isEqualTo("Invalid agent credentials");
        assertThat(failure(MockServerHttpRequest.post("/").header("x-agent-node-id", "nope")
                .header("Authorization", "Bearer " + agent.token()).build())).isEqualTo("Invalid agent credentials");
    }

    @Test
    void aSilentNodeGoesOfflineWithAnEventAndAHeartbeatBringsItBack() {
        String admin = adminToken();
        UUID workspace = defaultWorkspace(admin);
        Agent agent = register(host("silent"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "offline".equals(node(admin, workspace, agent.nodeId()).get("status")));
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(admin, workspace, agent.nodeId()).contains("node.offline"));
        Map<String, Object> offline = events(admin, workspace, agent.nodeId()).stream()
                .filter(e -> "node.offline".equals(e.get("type"))).findFirst().orElseThrow();
        assertThat(offline).containsEntry("severity", "warning");
        assertThat(map(offline.get("metadata"))).containsEntry("heartbeatTimeoutSeconds", 2);

        heartbeat(agent).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes(admin, workspace, agent.nodeId()).contains("node.online"));
        assertThat(DB.queryLong("SELECT count(*) FROM event_view WHERE type = 'node.online' AND node_id = '"
                + agent.nodeId() + "'")).isEqualTo(1);
    }

    private String failure(MockServerHttpRequest request) {
        try {
            authenticator.authenticate(request).block(Duration.ofSeconds(5));
            return "accepted";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
