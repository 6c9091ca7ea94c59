package io.nodeplane.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.api.NodeplaneApplication;
import io.nodeplane.events.user.UserRole;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A second instance against the same PostgreSQL and Redis: what happens on one reaches the live
 * clients of the other, through the Redis relay, and both count sign-in failures in the same Redis.
 */
class TwoInstancesIT extends RealtimeSupport {

    @Autowired
    private RealtimeHub hub;

    @Test
    void changesOnOneInstanceReachSubscribersOfTheOther() throws Exception {
        Fleet fleet = fleet("two-instances");
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            String token = fleet.owner().token();
            // a metric stored by the second instance is announced there; this instance learns of it from Redis
            try (SseClient here = stream(token, fleet.workspace(), "?types=metrics.ingested")) {
                WebClient.create("http://127.0.0.1:" + secondPort).post().uri("/api/v1/agent/metrics")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("nodeId", fleet.nodeId().toString(), "agentToken", fleet.agent().token(),
                                "cpuUsage", 42.0, "memoryUsage", 10.0, "diskUsage", 20.0))
                        .retrieve().toBodilessEntity().block();
                var metric = data(here.next("metrics.ingested"));
                assertThat(metric.at("/payload/cpuUsage").asDouble()).isEqualTo(42.0);
                assertThat(metric.get("sourceInstanceId").asText())
                        .isEqualTo(second.getBean(RealtimeHub.class).instanceId())
                        .isNotEqualTo(hubHere().instanceId());
            }
            // and a task created on this instance reaches a subscriber of the second, whichever instance projects it
            try (SseClient remote = remoteStream(secondPort, token, fleet.workspace())) {
                UUID taskId = queueTask(token, fleet.workspace(), fleet.nodeId(), "echo cross-instance");
                var created = data(remote.next("task.created"));
                assertThat(created.at("/payload/id").asText()).isEqualTo(taskId.toString());
            }
            // a membership removed through this instance ends the removed user's stream on the second one
            try (SseClient remote = remoteStream(secondPort, fleet.viewer().token(), fleet.workspace())) {
                removeMember(fleet.workspace(), fleet.viewer().id());
                assertThat(data(remote.next("access-revoked")).get("workspaceId").asText())
                        .isEqualTo(fleet.workspace().toString());
            }
            // the attempt limits are shared through Redis: failures counted here lock the account there too
            String email = uniqueEmail("shared-lock");
            createUser(email, "shared-lock-password", true, UserRole.USER);
            for (int i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
                http.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "10.99.0." + (i + 1))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", "wrong-password-" + i))
                        .exchange().expectStatus().isUnauthorized();
            }
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + secondPort).build().post()
                    .uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", "shared-lock-password")).exchange()
                    .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_ATTEMPTS");
        }
    }

    private SseClient remoteStream(int secondPort, String token, UUID workspace) {
        int here = port;
        port = secondPort;
        try {
            return stream(token, workspace, "?types=task.created");
        } finally {
            port = here;
        }
    }

    private RealtimeHub hubHere() {
        return hub;
    }

    private static ConfigurableApplicationContext startSecondInstance() throws Exception {
        return new SpringApplicationBuilder(NodeplaneApplication.class).run(
                "--server.port=0",
                "--nodeplane.db.host=" + DB.host, "--nodeplane.db.port=" + DB.port,
                "--nodeplane.db.username=" + DB.username, "--nodeplane.db.password=" + DB.password,
                "--nodeplane.db.name=" + DB.name, "--nodeplane.db.url=",
                "--nodeplane.state-dir=" + Files.createTempDirectory("nodeplane-it-second"),
                "--nodeplane.jwt.secret=" + JWT_SECRET,
                "--nodeplane.seed.enabled=false",
                "--nodeplane.redis.enabled=true",
                "--nodeplane.redis.port=" + System.getenv().getOrDefault("NODEPLANE_TEST_REDIS_PORT", "6379"),
                "--nodeplane.realtime.redis-channel=" + REDIS_CHANNEL,
                "--nodeplane.auth.limits.redis-key-prefix=" + LIMITS_REDIS_PREFIX,
                "--nodeplane.auth.limits.max-failures-per-account=" + MAX_FAILURES_PER_ACCOUNT);
    }
}
