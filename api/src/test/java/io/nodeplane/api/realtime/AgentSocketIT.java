package io.nodeplane.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The agent socket (contract §1.4, scenarios 6–8) with a real Socket.IO client behaving like the Noderax agent. */
class AgentSocketIT extends RealtimeSupport {

    private SocketIoPeer agentSocket() throws InterruptedException {
        SocketIoPeer peer = new SocketIoPeer("http://127.0.0.1:" + port + "/agent-realtime", null,
                "agent.auth.ack", "agent.auth.error", "agent.error", "root-access.updated");
        assertThat(peer.nextLifecycle()).isEqualTo("connect");
        return peer;
    }

    private static JSONObject auth(Agent agent) {
        return new JSONObject(Map.of("type", "agent.auth", "nodeId", agent.nodeId().toString(),
                "agentToken", agent.token(), "agentVersion", "1.0.8"));
    }

    @Test
    void authenticatedAgentIsOnlineAndGetsItsRootAccessSnapshot() throws Exception {
        Fleet fleet = fleet("sio-auth");
        try (SseClient sse = stream(fleet.owner().token(), fleet.workspace(), "?types=node.status.updated");
             SocketIoPeer agent = agentSocket()) {
            JSONObject reply = agent.call("agent.auth", auth(fleet.agent()));
            JSONObject ack = agent.next("agent.auth.ack");
            assertThat(ack.getBoolean("authenticated")).isTrue();
            assertThat(ack.getString("nodeId")).isEqualTo(fleet.nodeId().toString());
            assertThat(ack.getJSONObject("rootAccess").getString("profile")).isEqualTo("off");
            assertThat(reply.getBoolean("authenticated")).isTrue();
            assertThat(data(sse.next(e -> "online".equals(data(e).at("/payload/status").asText()))).get("nodeId").asText())
                    .isEqualTo(fleet.nodeId().toString());
            assertThat(node(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).get("status")).isEqualTo("online");

            JSONObject pong = agent.call("agent.ping", new JSONObject(Map.of("type", "agent.ping", "timestamp", "2026-11-24T10:00:00Z")));
            assertThat(pong.getBoolean("ok")).isTrue();
            assertThat(pong.getString("type")).isEqualTo("agent.ping");
            assertThat(pong.getString("timestamp")).isEqualTo("2026-11-24T10:00:00Z");
        }
    }

    @Test
    void aBadCredentialIsRefusedAndDisconnected() throws Exception {
        Fleet fleet = fleet("sio-refused");
        try (SocketIoPeer agent = agentSocket()) {
            agent.emit("agent.auth", auth(new Agent(fleet.nodeId(), "f".repeat(64))));
            JSONObject error = agent.next("agent.auth.error");
            assertThat(error.getBoolean("authenticated")).isFalse();
            assertThat(error.getString("message")).isEqualTo("Invalid agent credentials");
            assertThat(agent.nextLifecycle()).startsWith("disconnect");
        }
        assertThat(node(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).get("status")).isEqualTo("offline");
    }

    @Test
    void eventsBeforeAuthDisconnectAndUnknownEventsAfterItAreAnswered() throws Exception {
        Fleet fleet = fleet("sio-order");
        try (SocketIoPeer early = agentSocket()) {
            early.emit("agent.ping", new JSONObject(Map.of("type", "agent.ping")));
            assertThat(early.nextLifecycle()).startsWith("disconnect");
        }
        try (SocketIoPeer agent = agentSocket()) {
            agent.call("agent.auth", auth(fleet.agent()));
            agent.emit("agent.teleport", new JSONObject(Map.of("type", "agent.teleport")));
            JSONObject error = agent.next("agent.error");
            assertThat(error.getString("code")).isEqualTo("UNKNOWN_EVENT");
            assertThat(error.getString("message")).isEqualTo("Unsupported event: agent.teleport");
            assertThat(agent.call("agent.ping", new JSONObject(Map.of("type", "agent.ping"))).getBoolean("ok")).isTrue();
        }
    }

    @Test
    void metricsTakeTheHttpPathAndReachDashboards() throws Exception {
        Fleet fleet = fleet("sio-metrics");
        try (SseClient sse = stream(fleet.viewer().token(), fleet.workspace(), "?types=metrics.ingested");
             SocketIoPeer agent = agentSocket()) {
            agent.call("agent.auth", auth(fleet.agent()));
            JSONObject iface = new JSONObject(Map.of("name", "eth0", "bytesRecv", 1200, "bytesSent", 800));
            JSONObject metrics = new JSONObject(Map.of("type", "agent.metrics", "nodeId", fleet.nodeId().toString(),
                    "agentToken", fleet.agent().token(), "agentVersion", "1.0.8", "timestamp", "2026-11-24T10:00:00Z",
                    "cpuUsage", 91.5, "memoryUsage", 40.0, "diskUsage", 70.0, "temperature", 55.0))
                    .put("networkStats", new JSONArray().put(iface)).put("networks", new JSONArray().put(iface));
            JSONObject ack = agent.call("agent.metrics", metrics);
            assertThat(ack.getBoolean("ok")).isTrue();
            assertThat(ack.getString("nodeId")).isEqualTo(fleet.nodeId().toString());
            assertThat(data(sse.next("metrics.ingested")).at("/payload/cpuUsage").asDouble()).isEqualTo(91.5);
            var stored = list(fleet.owner().token(), "/api/v1/workspaces/" + fleet.workspace() + "/metrics?nodeId="
                    + fleet.nodeId() + "&limit=1").get(0);
            assertThat(map(stored.get("networkStats")).get("rxBytes")).isEqualTo(1200);
            assertThat(eventTypes(fleet.owner().token(), fleet.workspace(), fleet.nodeId())).contains("high.cpu");

            JSONObject invalid = agent.call("agent.metrics", new JSONObject(metrics.toString()).put("cpuUsage", 140));
            assertThat(invalid.getBoolean("ok")).isFalse();
            assertThat(agent.next("agent.error").getString("eventType")).isEqualTo("agent.metrics");
            assertThat(agent.call("agent.ping", new JSONObject(Map.of("type", "agent.ping"))).getBoolean("ok")).isTrue();
        }
    }

    @Test
    void closingTheCurrentSocketTakesTheNodeOfflineAtOnce() throws Exception {
        Fleet fleet = fleet("sio-offline");
        SocketIoPeer agent = agentSocket();
        agent.call("agent.auth", auth(fleet.agent()));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "online".equals(node(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).get("status")));
        agent.close();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "offline".equals(node(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).get("status")));
        var offline = events(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).stream()
                .filter(e -> "node.offline".equals(e.get("type"))).findFirst().orElseThrow();
        assertThat(map(offline.get("metadata")).get("disconnectSource")).isEqualTo("agent_realtime");
        assertThat((String) offline.get("message")).contains("realtime route disconnected");
    }

    @Test
    void aNewerSocketReplacesTheOlderWithoutTheNodeGoingOffline() throws Exception {
        Fleet fleet = fleet("sio-replace");
        try (SocketIoPeer older = agentSocket(); SocketIoPeer newer = agentSocket()) {
            older.call("agent.auth", auth(fleet.agent()));
            newer.call("agent.auth", auth(fleet.agent()));
            assertThat(older.nextLifecycle()).startsWith("disconnect");
            assertThat(newer.call("agent.ping", new JSONObject(Map.of("type", "agent.ping"))).getBoolean("ok")).isTrue();
            // the read model follows the auth's event a moment later
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    "online".equals(node(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).get("status")));
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    eventTypes(fleet.owner().token(), fleet.workspace(), fleet.nodeId()).contains("node.online"));
            assertThat(eventTypes(fleet.owner().token(), fleet.workspace(), fleet.nodeId())).doesNotContain("node.offline");
        }
    }

    @Test
    void aSilentSocketIsDisconnectedAfterThePingTimeout() throws Exception {
        Fleet fleet = fleet("sio-silent");
        try (SocketIoPeer agent = agentSocket()) {
            agent.call("agent.auth", auth(fleet.agent()));
            clock.advance(Duration.ofSeconds(46));
            assertThat(agent.nextLifecycle()).startsWith("disconnect");
        } finally {
            clock.reset();
        }
    }

    @Test
    void anOperatorsRootAccessChangeIsPushedToTheAgent() throws Exception {
        Fleet fleet = fleet("sio-root");
        try (SocketIoPeer agent = agentSocket()) {
            agent.call("agent.auth", auth(fleet.agent()));
            post(fleet.owner().token(), "/api/v1/workspaces/" + fleet.workspace() + "/nodes/" + fleet.nodeId()
                    + "/root-access", Map.of("profile", "operational")).expectStatus().isCreated();
            JSONObject pushed = agent.next("root-access.updated");
            assertThat(pushed.getJSONObject("rootAccess").getString("profile")).isEqualTo("operational");
            // the agent re-authenticates with its new report; that must not echo another push
            agent.call("agent.auth", auth(fleet.agent()).put("rootAccess",
                    new JSONObject(Map.of("appliedProfile", "operational"))));
            assertThat(agent.poll("root-access.updated", 1500)).isNull();
        }
    }

    @Test
    void theLegacySocketLifecycleIsAppliedOnceEach() throws Exception {
        Fleet fleet = fleet("sio-legacy");
        UUID taskId = queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "uname -a");
        claimAsAgent(fleet.agent());
        try (SocketIoPeer agent = agentSocket()) {
            agent.call("agent.auth", auth(fleet.agent()));
            JSONObject accepted = lifecycle(taskId, "2026-11-24T10:00:00Z");
            assertThat(agent.call("task.accepted", accepted).getBoolean("ok")).isTrue();
            assertThat(agent.call("task.accepted", accepted).getBoolean("duplicate")).isTrue();
            assertThat(agent.call("task.started", lifecycle(taskId, "2026-11-24T10:00:01Z")).getBoolean("ok")).isTrue();
            JSONObject line = lifecycle(taskId, "2026-11-24T10:00:02Z").put("stream", "stdout").put("line", "Linux node 6.8");
            assertThat(agent.call("task.log", line).getBoolean("ok")).isTrue();
            assertThat(agent.call("task.log", line).getBoolean("duplicate")).isTrue();
            JSONObject done = lifecycle(taskId, "2026-11-24T10:00:03Z").put("status", "success").put("exitCode", 0)
                    .put("output", "Linux node 6.8").put("durationMs", 1200);
            assertThat(agent.call("task.completed", done).getBoolean("ok")).isTrue();
            assertThat(agent.call("task.completed", done).getBoolean("duplicate")).isTrue();
            JSONObject conflicting = lifecycle(taskId, "2026-11-24T10:00:04Z").put("status", "failed").put("exitCode", 1);
            assertThat(agent.call("task.completed", conflicting).getBoolean("ok")).isFalse();
            assertThat(agent.next("agent.error").getString("eventType")).isEqualTo("task.completed");
        }
        // the task's read model follows the completion's event a moment later
        await().atMost(Duration.ofSeconds(15)).until(() -> "success".equals(map(http.get()
                .uri("/api/v1/workspaces/" + fleet.workspace() + "/tasks/" + taskId)
                .headers(h -> h.setBearerAuth(fleet.owner().token())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()).get("status")));
        var logs = list(fleet.owner().token(), "/api/v1/workspaces/" + fleet.workspace() + "/tasks/" + taskId + "/logs");
        assertThat(logs).extracting(l -> l.get("message")).containsExactly("Linux node 6.8");
    }

    private static JSONObject lifecycle(UUID taskId, String timestamp) {
        return new JSONObject(Map.of("taskId", taskId.toString(), "timestamp", timestamp));
    }
}
