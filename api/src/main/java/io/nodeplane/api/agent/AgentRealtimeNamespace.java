package io.nodeplane.api.agent;

import static io.nodeplane.api.agent.AgentSocketMessages.answer;
import static io.nodeplane.api.agent.AgentSocketMessages.first;
import static io.nodeplane.api.agent.AgentSocketMessages.refuse;
import static io.nodeplane.api.agent.AgentSocketMessages.text;
import static io.nodeplane.api.agent.AgentSocketMessages.uuid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.agent.AgentSockets.Session;
import io.nodeplane.api.agent.AgentTaskRequests.RootAccessReport;
import io.nodeplane.api.realtime.socketio.SocketIoNamespace;
import io.nodeplane.api.realtime.socketio.SocketIoSocket;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.query.node.NodeQueryService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Socket.IO namespace {@code /agent-realtime} for the Noderax agent (contract §1.4): {@code agent.auth}
 * with the node's credential (acked by {@code agent.auth.ack}, or {@code agent.auth.error} and a
 * disconnect), then {@code agent.ping} and {@code agent.metrics} every 2 s. Metrics take the same path as
 * over HTTP, and so do the legacy {@code task.*} lifecycle messages ({@link LegacySocketLifecycle}). Any event
 * before a successful auth disconnects the socket; an unknown event after it is answered with
 * {@code agent.error UNKNOWN_EVENT}.
 */
@Component
class AgentRealtimeNamespace implements SocketIoNamespace {

    private final AgentAuthenticator authenticator;
    private final TelemetryIngest ingest;
    private final TaskClaims claims;
    private final NodeQueryService nodes;
    private final AgentSockets sockets;
    private final ObjectMapper json;
    private final LegacySocketLifecycle lifecycle;
    private final SocketMetrics metrics;
    private final Clock clock;

    AgentRealtimeNamespace(AgentAuthenticator authenticator, TelemetryIngest ingest, TaskClaims claims,
                           NodeQueryService nodes, AgentSockets sockets, ObjectMapper json,
                           LegacySocketLifecycle lifecycle, SocketMetrics metrics, Clock clock) {
        this.authenticator = authenticator;
        this.ingest = ingest;
        this.claims = claims;
        this.nodes = nodes;
        this.sockets = sockets;
        this.json = json;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "/agent-realtime";
    }

    @Override
    public Mono<Void> onConnect(SocketIoSocket socket, JsonNode auth) {
        AtomicReference<Session> session = new AtomicReference<>();
        socket.on("agent.auth", args -> authenticate(socket, first(args), session));
        socket.on("agent.ping", args -> whenAuthenticated(socket, session, "ping", s -> Mono.just(
                answer("agent.ping").with("timestamp", first(args).get("timestamp")).map())));
        socket.on("agent.metrics", args -> whenAuthenticated(socket, session, "metrics", s -> metrics.store(socket, s, first(args))));
        for (String event : LegacySocketLifecycle.EVENTS) {
            socket.on(event, args -> whenAuthenticated(socket, session, event, s -> lifecycle.apply(s.agent, event, first(args))
                    .map(ack -> (Object) ack)
                    .onErrorResume(e -> e instanceof ApiException || e instanceof CommandRejectedException,
                            e -> refuse(socket, event, e.getMessage()))));
        }
        socket.onUnknown((event, args) -> whenAuthenticated(socket, session, event, s -> {
            socket.emit("agent.error", Map.of("type", "agent.error", "code", "UNKNOWN_EVENT",
                    "message", "Unsupported event: " + event));
            return Mono.empty();
        }));
        socket.closed().subscribe(reason -> {
            Session current = session.get();
            if (current != null) {
                sockets.closed(current, reason);
            }
        });
        return Mono.empty();
    }

    private Mono<Object> authenticate(SocketIoSocket socket, JsonNode body, AtomicReference<Session> session) {
        UUID nodeId = uuid(body.path("nodeId").asText(""));
        String agentVersion = text(body, "agentVersion");
        return authenticator.authenticate(nodeId, text(body, "agentToken"))
                .flatMap(agent -> ingest.heartbeat(agent, agentVersion, text(body, "platformVersion"),
                        text(body, "kernelVersion"), body.hasNonNull("location") ? body.get("location").toString() : null)
                        .then(nodes.node(null, agent.nodeId()))
                        .map(node -> {
                            claims.record(agent, rootAccessReport(body.get("rootAccess")));
                            Session s = new Session(agent, socket, clock.instant(), node.rootAccess().profile());
                            session.set(s);
                            sockets.authenticated(s);
                            Map<String, Object> ack = new LinkedHashMap<>();
                            ack.put("type", "agent.auth.ack");
                            ack.put("authenticated", true);
                            ack.put("nodeId", agent.nodeId().toString());
                            ack.put("rootAccess", AgentSockets.rootAccess(node.rootAccess().profile(),
                                    node.rootAccess().updatedAt()));
                            socket.emit("agent.auth.ack", ack);
                            return (Object) ack;
                        }))
                .onErrorResume(e -> {
                    String message = e instanceof ApiException api ? api.getMessage() : "Authentication failed";
                    Map<String, Object> refusal = Map.of("type", "agent.auth.error", "authenticated", false,
                            "message", message);
                    socket.emit("agent.auth.error", refusal);
                    socket.disconnect("auth-failed");
                    return Mono.just(refusal);
                });
    }

    private Mono<Object> whenAuthenticated(SocketIoSocket socket, AtomicReference<Session> session, String what,
                                           java.util.function.Function<Session, Mono<Object>> handler) {
        Session s = session.get();
        if (s == null) {
            socket.disconnect(what.replace("agent.", "") + "-before-auth");
            return Mono.empty();
        }
        s.lastActivity = clock.instant();
        return handler.apply(s);
    }

    private RootAccessReport rootAccessReport(JsonNode node) {
        try {
            return node == null || !node.isObject() ? null : json.treeToValue(node, RootAccessReport.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
