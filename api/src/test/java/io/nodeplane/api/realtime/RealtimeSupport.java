package io.nodeplane.api.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.node.NodeSupport;
import io.nodeplane.api.command.Actor;
import io.r2dbc.pool.ConnectionPool;
import io.nodeplane.command.user.RevokeUserSessionsCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** Helpers for realtime tests: real clients of each transport against the running service. */
abstract class RealtimeSupport extends NodeSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private List<ConnectionPool> pools;

    /** The R2DBC pools' state, for failure messages: an exhausted pool makes every read wait. */
    protected String poolState() {
        return pools.stream().map(p -> p.getMetrics().map(m -> "acquired " + m.acquiredSize() + " of " + m.getMaxAllocatedSize()
                + ", pending " + m.pendingAcquireSize()).orElse("no metrics")).toList().toString();
    }

    @LocalServerPort
    protected int port;

    /** An open SSE connection whose events (comments skipped) arrive in {@link #events}. */
    protected final class SseClient implements AutoCloseable {
        final BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
        private final CountDownLatch opened = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Disposable connection;

        SseClient(String path, Consumer<HttpHeaders> headers) {
            connection = WebClient.create("http://127.0.0.1:" + port).get().uri(path).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(headers).retrieve()
                    .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .doOnNext(e -> opened.countDown())
                    .filter(e -> e.event() != null || e.data() != null)
                    .subscribe(events::add, e -> ended.countDown(), ended::countDown);
            awaitOpening();
        }

        /**
         * The server subscribes to the bus before it writes its opening frame ({@code retry} and a comment): waiting
         * for that frame makes "what happens next is delivered" true, instead of racing the subscription.
         */
        private void awaitOpening() {
            try {
                if (!opened.await(15, TimeUnit.SECONDS)) {
                    connection.dispose();
                    throw new AssertionError("the stream did not open within 15 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next event matching {@code condition}, skipping others; fails after 15 s. */
        ServerSentEvent<String> next(Predicate<ServerSentEvent<String>> condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                ServerSentEvent<String> e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && condition.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("no matching event within 15 s; R2DBC pools: " + poolState());
        }

        ServerSentEvent<String> next(String type) throws InterruptedException {
            return next(e -> type.equals(e.event()));
        }

        /** Whether the server ended the stream within 15 s. */
        boolean ended() throws InterruptedException {
            return ended.await(15, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            connection.dispose();
        }
    }

    protected SseClient stream(String token, UUID workspaceId, String query) {
        return new SseClient("/api/v1/workspaces/" + workspaceId + "/stream" + query, h -> h.setBearerAuth(token));
    }

    protected static JsonNode data(ServerSentEvent<String> event) {
        try {
            return JSON.readTree(event.data());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + event.data(), e);
        }
    }

    protected UUID queueTask(String token, UUID workspace, UUID nodeId, String command) {
        Map<?, ?> task = post(token, "/api/v1/workspaces/" + workspace + "/tasks", Map.of("nodeId", nodeId.toString(),
                "type", "shell.exec", "payload", Map.of("command", command)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) task.get("id"));
    }

    /** An admin removes the user's membership of the workspace (through the API, as an operator would). */
    protected void removeMember(UUID workspace, UUID userId) {
        String admin = adminToken();
        List<?> members = http.get().uri("/api/v1/workspaces/" + workspace + "/members").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        String membershipId = members.stream().map(m -> (Map<?, ?>) m).filter(m -> userId.toString().equals(m.get("userId")))
                .map(m -> (String) m.get("id")).findFirst().orElseThrow();
        http.delete().uri("/api/v1/workspaces/" + workspace + "/members/" + membershipId).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().is2xxSuccessful();
    }

    /** Every token the user holds stops working (as signing out everywhere or a password change does). */
    protected void revokeSessions(UUID userId) {
        commands.send(new RevokeUserSessionsCommand(userId, "it"), Actor.system("it")).block(Duration.ofSeconds(30));
    }

    protected void claimAsAgent(Agent agent) {
        http.post().uri("/api/v1/agent/tasks/claim").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + agent.token()).header("x-agent-node-id", agent.nodeId().toString())
                .bodyValue(Map.of("maxTasks", 1, "waitMs", 0)).exchange().expectStatus().isOk();
    }
}
