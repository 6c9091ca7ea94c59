package io.nodeplane.api.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The plain WebSocket transport, driven by a real WebSocket client. */
class WebSocketIT extends RealtimeSupport {

    /** One open connection: frames to send go in, received frames come out. */
    private final class Client implements AutoCloseable {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final Sinks.Many<String> toSend = Sinks.many().unicast().onBackpressureBuffer();
        final Sinks.One<String> protocol = Sinks.one();
        final Sinks.One<CloseStatus> closed = Sinks.one();
        private volatile CloseStatus closedWith;
        private final Disposable connection;

        Client(HttpHeaders headers, List<String> protocols) {
            this("/api/v1/ws", headers, protocols);
        }

        Client(String path, HttpHeaders headers, List<String> protocols) {
            WebSocketHandler handler = new WebSocketHandler() {
                @Override
                public List<String> getSubProtocols() {
                    return protocols;
                }

                @Override
                public reactor.core.publisher.Mono<Void> handle(org.springframework.web.reactive.socket.WebSocketSession s) {
                    protocol.tryEmitValue(String.valueOf(s.getHandshakeInfo().getSubProtocol()));
                    s.closeStatus().subscribe(status -> {
                        closedWith = status;
                        closed.tryEmitValue(status);
                    });
                    return s.send(toSend.asFlux().map(s::textMessage))
                            .and(s.receive().doOnNext(m -> received.add(parse(m.getPayloadAsText()))));
                }
            };
            // a connection of its own, never a pooled one: a stale pooled connection makes the client resend the
            // handshake, and a single-use ticket cannot be presented twice
            connection = new ReactorNettyWebSocketClient(HttpClient.create(ConnectionProvider.newConnection()))
                    .execute(URI.create("ws://127.0.0.1:" + port + path), headers, handler)
                    .subscribe(null, e -> protocol.tryEmitError(e));
        }

        /** Waits until the server said it is ready for frames; fails if the connection was refused. */
        Client open() throws InterruptedException {
            protocol.asMono().block(Duration.ofSeconds(15));
            next("ready");
            return this;
        }

        void send(String frame) {
            toSend.tryEmitNext(frame);
        }

        JsonNode next(Predicate<JsonNode> condition) throws InterruptedException {
            List<String> skipped = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = received.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null && condition.test(frame)) {
                    return frame;
                }
                if (frame != null) {
                    skipped.add(frame.toString());
                }
            }
            throw new AssertionError("no matching frame within 15 s; received meanwhile: " + skipped
                    + "; connection closed with: " + closedWith + "; R2DBC pools: " + poolState());
        }

        JsonNode next(String type) throws InterruptedException {
            return next(f -> type.equals(f.path("type").asText()));
        }

        @Override
        public void close() {
            connection.dispose();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private Client connect(String token) throws InterruptedException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return new Client(headers, List.of()).open();
    }

    @Test
    void deliversTheMessagesOfSubscribedWorkspacesAndNodes() throws Exception {
        Fleet fleet = fleet("ws-live");
        try (Client ws = connect(fleet.viewer().token())) {
            ws.send("{\"type\":\"subscribe\",\"nodeId\":\"" + fleet.nodeId() + "\"}");
            assertThat(ws.next("subscribed").get("nodeId").asText()).isEqualTo(fleet.nodeId().toString());
            UUID taskId = queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "uptime");
            JsonNode created = ws.next("task.created");
            assertThat(created.at("/payload/id").asText()).isEqualTo(taskId.toString());
            assertThat(created.get("sequence").asLong()).isPositive();

            ws.send("{\"type\":\"unsubscribe\",\"nodeId\":\"" + fleet.nodeId() + "\"}");
            assertThat(ws.next("unsubscribed").get("wasSubscribed").asBoolean()).isTrue();
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + fleet.workspace() + "\"}");
            ws.next("subscribed");
            metrics(fleet.agent(), 7.0).expectStatus().isOk();
            assertThat(ws.next("metrics.ingested").at("/payload/cpuUsage").asDouble()).isEqualTo(7.0);
        }
    }

    @Test
    void refusesOtherWorkspacesAndTheirNodesAlike() throws Exception {
        Fleet mine = fleet("ws-mine");
        Fleet theirs = fleet("ws-theirs");
        try (Client ws = connect(mine.owner().token())) {
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + theirs.workspace() + "\"}");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("WORKSPACE_NOT_FOUND");
            ws.send("{\"type\":\"subscribe\",\"nodeId\":\"" + theirs.nodeId() + "\"}");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("NODE_NOT_FOUND");
            ws.send("{\"type\":\"subscribe\",\"nodeId\":\"" + UUID.randomUUID() + "\"}");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("NODE_NOT_FOUND");
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + mine.workspace() + "\"}");
            ws.next("subscribed");
            queueTask(theirs.owner().token(), theirs.workspace(), theirs.nodeId(), "not yours");
            UUID own = queueTask(mine.owner().token(), mine.workspace(), mine.nodeId(), "yours");
            assertThat(ws.next("task.created").at("/payload/id").asText()).isEqualTo(own.toString());
        }
    }

    @Test
    void aUserWhoLosesAWorkspaceStopsReceivingItAndARevokedSessionIsClosed() throws Exception {
        Fleet fleet = fleet("ws-revoke");
        try (Client ws = connect(fleet.viewer().token()); SseClient owner = stream(fleet.owner().token(),
                fleet.workspace(), "?types=task.created")) {
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + fleet.workspace() + "\"}");
            ws.next("subscribed");
            ws.send("{\"type\":\"subscribe\",\"nodeId\":\"" + fleet.nodeId() + "\"}");
            ws.next("subscribed");
            removeMember(fleet.workspace(), fleet.viewer().id());
            JsonNode gone = ws.next("unsubscribed");
            assertThat(gone.get("workspaceId").asText()).isEqualTo(fleet.workspace().toString());
            assertThat(gone.get("reason").asText()).isEqualTo("ACCESS_REVOKED");

            UUID after = queueTask(fleet.owner().token(), fleet.workspace(), fleet.nodeId(), "after removal");
            // the owner's stream has it, so the hub has delivered it; the removed viewer got neither room's copy
            assertThat(data(owner.next("task.created")).at("/payload/id").asText()).isEqualTo(after.toString());
            ws.send("{\"type\":\"ping\"}");
            List<JsonNode> before = new java.util.ArrayList<>();
            ws.next(f -> !before.add(f) || "pong".equals(f.path("type").asText()));
            assertThat(before).extracting(f -> f.path("type").asText()).containsOnly("pong");
        }
        try (Client ws = connect(fleet.owner().token())) {
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + fleet.workspace() + "\"}");
            ws.next("subscribed");
            revokeSessions(fleet.owner().id());
            CloseStatus status = ws.closed.asMono().block(Duration.ofSeconds(15));
            assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
        }
    }

    @Test
    void answersBadFramesWithAnErrorAndStaysOpen() throws Exception {
        Fleet fleet = fleet("ws-bad");
        try (Client ws = connect(fleet.owner().token())) {
            ws.send("not json");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("INVALID_JSON");
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"nope\"}");
            assertThat(ws.next("error").get("code").asText()).isEqualTo("INVALID_MESSAGE");
            ws.send("{\"type\":\"ping\"}");
            assertThat(ws.next("pong")).isNotNull();
        }
    }

    @Test
    void browsersAuthenticateWithTheBearerSubprotocolOrATicket() throws Exception {
        Fleet fleet = fleet("ws-browser");
        // what a browser sends for new WebSocket(url, ["bearer", token])
        try (Client ws = new Client(new HttpHeaders(), List.of("bearer", fleet.viewer().token())).open()) {
            assertThat(ws.protocol.asMono().block(Duration.ofSeconds(15))).isEqualTo("bearer");
            ws.send("{\"type\":\"ping\"}");
            assertThat(ws.next("pong")).isNotNull();
        }
        String ticket = (String) post(fleet.viewer().token(), "/api/v1/realtime/ticket", java.util.Map.of())
                .expectStatus().isOk().expectBody(java.util.Map.class).returnResult().getResponseBody().get("ticket");
        try (Client ws = new Client("/api/v1/ws?ticket=" + ticket, new HttpHeaders(), List.of()).open()) {
            ws.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + fleet.workspace() + "\"}");
            assertThat(ws.next("subscribed")).isNotNull();
        }
        try (Client anonymous = new Client(new HttpHeaders(), List.of())) {
            assertThatThrownBy(() -> anonymous.protocol.asMono().block(Duration.ofSeconds(15)))
                    .hasMessageContaining("401");
        }
    }
}
