package io.nodeplane.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.codec.ServerSentEvent;

/** Server-sent events: what a dashboard sees of its workspace, live and after a reconnect. */
class StreamIT extends RealtimeSupport {

    @Autowired
    private RealtimeSessions sessions;

    @Test
    void deliversTaskChangesAfterTheReadModelHasThem() throws Exception {
        Fleet fleet = fleet("sse-tasks");
        try (SseClient sse = stream(fleet.viewer().token(), fleet.workspace(), "")) {
            UUID taskId = queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "hostname");
            ServerSentEvent<String> created = sse.next(e -> "task.created".equals(e.event())
                    && taskId.toString().equals(data(e).at("/payload/id").asText()));
            JsonNode message = data(created);
            assertThat(message.get("type").asText()).isEqualTo("task.created");
            assertThat(message.get("workspaceId").asText()).isEqualTo(fleet.workspace().toString());
            assertThat(message.get("nodeId").asText()).isEqualTo(fleet.nodeId().toString());
            assertThat(created.id()).isEqualTo(message.get("sequence").asText());
            JsonNode payload = message.get("payload");
            assertThat(payload.get("status").asText()).isEqualTo("queued");
            assertThat(payload.at("/payload/command").asText()).isEqualTo("hostname");
            assertThat(payload.get("workspaceId").asText()).isEqualTo(fleet.workspace().toString());
            assertThat(payload.get("sequence").asLong()).isEqualTo(message.get("sequence").asLong());
            assertThat(payload.get("sourceInstanceId").asText()).isNotBlank();

            claimAsAgent(fleet.agent());
            ServerSentEvent<String> updated = sse.next(e -> "task.updated".equals(e.event())
                    && taskId.toString().equals(data(e).at("/payload/id").asText()));
            assertThat(data(updated).at("/payload/status").asText()).isEqualTo("accepted");
            assertThat(Long.parseLong(updated.id())).isGreaterThan(Long.parseLong(created.id()));
            // what the stream announced is what a reader finds
            Map<String, Object> read = map(http.get().uri("/api/v1/workspaces/" + fleet.workspace() + "/tasks/" + taskId)
                    .headers(h -> h.setBearerAuth(fleet.viewer().token())).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody());
            assertThat(read.get("status")).isEqualTo("accepted");
        }
    }

    @Test
    void resumesAfterLastEventIdWithWhatWasMissed() throws Exception {
        Fleet fleet = fleet("sse-resume");
        String token = fleet.owner().token();
        String lastId;
        try (SseClient sse = stream(token, fleet.workspace(), "?types=task.created")) {
            queueTask(token, fleet.workspace(), fleet.nodeId(), "first");
            lastId = sse.next("task.created").id();
        }
        UUID second = queueTask(token, fleet.workspace(), fleet.nodeId(), "second");
        UUID third = queueTask(token, fleet.workspace(), fleet.nodeId(), "third");
        SseClient resumed = new SseClient("/api/v1/workspaces/" + fleet.workspace() + "/stream?types=task.created",
                h -> {
                    h.setBearerAuth(token);
                    h.set("Last-Event-ID", lastId);
                });
        try (resumed) {
            assertThat(data(resumed.next("task.created")).at("/payload/id").asText()).isEqualTo(second.toString());
            assertThat(data(resumed.next("task.created")).at("/payload/id").asText()).isEqualTo(third.toString());
        }
    }

    @Test
    void reportsAGapWhenTheMissedMessagesAreNoLongerKept() throws Exception {
        Fleet fleet = fleet("sse-gap");
        SseClient sse = new SseClient("/api/v1/workspaces/" + fleet.workspace() + "/stream", h -> {
            h.setBearerAuth(fleet.owner().token());
            h.set("Last-Event-ID", "1");
        });
        try (sse) {
            ServerSentEvent<String> gap = sse.next(e -> e.event() != null);
            assertThat(gap.event()).isEqualTo("gap");
            assertThat(data(gap).get("lastEventId").asLong()).isEqualTo(1);
        }
    }

    @Test
    void neverDeliversAnotherWorkspacesMessages() throws Exception {
        Fleet mine = fleet("sse-mine");
        Fleet theirs = fleet("sse-theirs");
        http.get().uri("/api/v1/workspaces/" + theirs.workspace() + "/stream")
                .headers(h -> h.setBearerAuth(mine.owner().token())).exchange().expectStatus().isNotFound();
        try (SseClient sse = stream(mine.owner().token(), mine.workspace(), "?types=task.created")) {
            queueTask(theirs.owner().token(), theirs.workspace(), theirs.nodeId(), "not yours");
            UUID own = queueTask(mine.owner().token(), mine.workspace(), mine.nodeId(), "yours");
            // one bus orders both workspaces' messages: had the other one been delivered, it would come first
            JsonNode first = data(sse.next("task.created"));
            assertThat(first.at("/payload/id").asText()).isEqualTo(own.toString());
            assertThat(first.get("workspaceId").asText()).isEqualTo(mine.workspace().toString());
        }
    }

    @Test
    void filtersByNodeAndType() throws Exception {
        Fleet fleet = fleet("sse-filter");
        Agent other = register(host("sse-filter-other"));
        try (SseClient sse = stream(fleet.owner().token(), fleet.workspace(), "?types=metrics.ingested&nodeId=" + fleet.nodeId())) {
            metrics(fleet.agent(), 12.5).expectStatus().isOk();
            JsonNode metric = data(sse.next("metrics.ingested"));
            assertThat(metric.get("nodeId").asText()).isEqualTo(fleet.nodeId().toString());
            assertThat(metric.at("/payload/cpuUsage").asDouble()).isEqualTo(12.5);
            queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "not a metric");
            metrics(fleet.agent(), 33.0).expectStatus().isOk();
            ServerSentEvent<String> next = sse.next(e -> e.event() != null);
            assertThat(next.event()).isEqualTo("metrics.ingested");
            assertThat(data(next).at("/payload/cpuUsage").asDouble()).isEqualTo(33.0);
        }
        assertThat(other.nodeId()).isNotEqualTo(fleet.nodeId());
    }

    @Test
    void endsTheStreamWhenTheUserLosesTheWorkspaceOrTheSession() throws Exception {
        Fleet fleet = fleet("sse-revoke");
        String path = "/api/v1/workspaces/" + fleet.workspace() + "/stream";
        try (SseClient sse = stream(fleet.viewer().token(), fleet.workspace(), "")) {
            removeMember(fleet.workspace(), fleet.viewer().id());
            ServerSentEvent<String> revoked = sse.next("access-revoked");
            assertThat(data(revoked).get("workspaceId").asText()).isEqualTo(fleet.workspace().toString());
            assertThat(sse.ended()).isTrue();
        }
        // the browser's reconnect is refused like any read of a workspace that is not the user's
        http.get().uri(path).headers(h -> h.setBearerAuth(fleet.viewer().token())).exchange().expectStatus().isNotFound();

        try (SseClient sse = stream(fleet.owner().token(), fleet.workspace(), "")) {
            revokeSessions(fleet.owner().id());
            assertThat(sse.next("access-revoked")).isNotNull();
            assertThat(sse.ended()).isTrue();
        }
        http.get().uri(path).headers(h -> h.setBearerAuth(fleet.owner().token())).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aClosedStreamLeavesNothingBehind() throws Exception {
        Fleet fleet = fleet("sse-leak");
        UUID viewer = fleet.viewer().id();
        try (SseClient one = stream(fleet.viewer().token(), fleet.workspace(), "");
             SseClient two = stream(fleet.viewer().token(), fleet.workspace(), "?types=task.created")) {
            // each stream registered itself for access re-checks before it sent its opening frame
            assertThat(sessions.openFor(viewer)).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> sessions.openFor(viewer) == 0);
    }

    @Test
    void rejectsUnknownTypesBadResumePointsAndForeignNodes() {
        Fleet fleet = fleet("sse-bad");
        Fleet foreign = fleet("sse-bad-foreign");
        String base = "/api/v1/workspaces/" + fleet.workspace() + "/stream";
        http.get().uri(base + "?types=task.created,task.exploded").headers(h -> h.setBearerAuth(fleet.owner().token()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_EVENT_TYPE");
        http.get().uri(base).headers(h -> {
            h.setBearerAuth(fleet.owner().token());
            h.set("Last-Event-ID", "yesterday");
        }).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_LAST_EVENT_ID");
        http.get().uri(base + "?nodeId=" + foreign.nodeId()).headers(h -> h.setBearerAuth(fleet.owner().token()))
                .exchange().expectStatus().isNotFound();
        http.get().uri(base).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTicketOpensOneStreamOnce() throws Exception {
        Fleet fleet = fleet("sse-ticket");
        Map<?, ?> issued = post(fleet.viewer().token(), "/api/v1/realtime/ticket", Map.of()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String ticket = (String) issued.get("ticket");
        assertThat(issued.get("expiresAt")).isNotNull();
        String path = "/api/v1/workspaces/" + fleet.workspace() + "/stream?ticket=" + ticket;
        try (SseClient sse = new SseClient(path, h -> { })) {
            queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "via ticket");
            assertThat(sse.next("task.created")).isNotNull();
            http.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        // a ticket is not an access token
        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(ticket)).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/workspaces/" + fleet.workspace() + "/stream?ticket=forged").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void browsersMayOnlyConnectFromTheDashboardOrThisServicesOwnOrigin() throws Exception {
        Fleet fleet = fleet("sse-origin");
        String path = "/api/v1/workspaces/" + fleet.workspace() + "/stream";
        http.get().uri(path).headers(h -> {
            h.setBearerAuth(fleet.owner().token());
            h.setOrigin("https://evil.example");
        }).exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("ORIGIN_NOT_ALLOWED");
        for (String origin : new String[] {"http://dashboard.it.example:3001", "http://127.0.0.1:" + port}) {
            try (SseClient sse = new SseClient(path, h -> {
                h.setBearerAuth(fleet.owner().token());
                h.setOrigin(origin);
            })) {
                queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "from " + origin);
                assertThat(sse.next("task.created")).isNotNull();
            }
        }
        // the API itself is not affected: origins matter for realtime connections only
        http.get().uri("/api/v1/workspaces/" + fleet.workspace()).headers(h -> {
            h.setBearerAuth(fleet.owner().token());
            h.setOrigin("https://evil.example");
        }).exchange().expectStatus().isOk();
    }
}
