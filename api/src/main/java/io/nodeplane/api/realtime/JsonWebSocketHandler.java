package io.nodeplane.api.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Plain WebSocket transport ({@code /api/v1/ws}): JSON frames. The server first sends {@code {"type":"ready"}}. The
 * client sends
 * {@code {"type":"subscribe","workspaceId"|"nodeId":…}} (and {@code unsubscribe}, {@code ping}); the server
 * answers {@code subscribed}/{@code unsubscribed}/{@code pong} or {@code {"type":"error","code","message"}}
 * and sends every message of its subscriptions as {@code {type, workspaceId, nodeId, sequence,
 * sourceInstanceId, publishedAt, payload}}. A connection that falls behind is closed with 1013. When the user
 * loses a workspace, the connection receives {@code {"type":"unsubscribed","workspaceId","reason":"ACCESS_REVOKED"}};
 * when the user's session ends (revoked, deactivated) it is closed with 1008.
 */
class JsonWebSocketHandler implements WebSocketHandler {

    private final RealtimeHub hub;
    private final RealtimeAccess access;
    private final RealtimeSessions sessions;
    private final RealtimeProperties properties;
    private final ObjectMapper mapper;

    JsonWebSocketHandler(RealtimeHub hub, RealtimeAccess access, RealtimeSessions sessions,
                         RealtimeProperties properties, ObjectMapper mapper) {
        this.hub = hub;
        this.access = access;
        this.sessions = sessions;
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    public List<String> getSubProtocols() {
        // browsers may carry their token as the protocol pair "bearer, <token>"; the chosen protocol is "bearer"
        return List.of("bearer");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .map(p -> (AuthenticatedUser) ((Authentication) p).getPrincipal())
                .flatMap(user -> serve(session, user));
    }

    private Mono<Void> serve(WebSocketSession session, AuthenticatedUser user) {
        Sinks.Many<String> replies = Sinks.many().unicast().onBackpressureBuffer();
        Watched watched = new Watched(session, user, replies);
        RealtimeRooms rooms = watched.rooms;
        QueuedSubscriber subscriber = new QueuedSubscriber(rooms::covers, properties.subscriberBuffer());
        hub.subscribe(subscriber);
        sessions.opened(watched);
        Mono<Void> inbound = session.receive()
                .concatMap(frame -> answer(frame.getPayloadAsText(), user, rooms))
                .doOnNext(reply -> emit(replies, reply))
                .then();
        Flux<String> outbound = Flux.merge(replies.asFlux(), subscriber.rounds().concatMapIterable(round -> round).map(RealtimeMessage::envelope));
        Mono<Void> sending = session.send(outbound.map(session::textMessage))
                .onErrorResume(QueuedSubscriber.SlowSubscriberException.class,
                        e -> session.close(CloseStatus.SERVICE_OVERLOAD.withReason("Too slow: messages were lost")));
        // the first frame, once the connection reads what the client sends: clients may wait for it before subscribing
        emit(replies, "{\"type\":\"ready\"}");
        return Mono.firstWithSignal(inbound, sending).doFinally(signal -> {
            hub.unsubscribe(subscriber);
            sessions.closed(watched);
        });
    }

    // replies come from the inbound frames and from access re-checks: serialize the two producers
    private static void emit(Sinks.Many<String> replies, String reply) {
        synchronized (replies) {
            replies.tryEmitNext(reply);
        }
    }

    /** The connection as {@link RealtimeSessions} re-checks it. */
    private final class Watched extends RealtimeSessions.RoomsSession {
        private final WebSocketSession session;
        private final Sinks.Many<String> replies;

        Watched(WebSocketSession session, AuthenticatedUser user, Sinks.Many<String> replies) {
            super(user);
            this.session = session;
            this.replies = replies;
        }

        @Override
        void withdrawn(UUID workspaceId) {
            emit(replies, reply("unsubscribed", workspaceId, null).put("reason", "ACCESS_REVOKED").toString());
        }

        @Override
        public void end() {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("Session ended")).subscribe();
        }
    }

    private Mono<String> answer(String text, AuthenticatedUser user, RealtimeRooms rooms) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (Exception e) {
            return Mono.just(error("INVALID_JSON", "Frames must be JSON objects"));
        }
        String type = frame.path("type").asText("");
        UUID workspaceId = uuid(frame, "workspaceId");
        UUID nodeId = uuid(frame, "nodeId");
        if (type.equals("ping")) {
            return Mono.just("{\"type\":\"pong\"}");
        }
        if (!type.equals("subscribe") && !type.equals("unsubscribe") || (workspaceId == null) == (nodeId == null)) {
            return Mono.just(error("INVALID_MESSAGE",
                    "Expected {\"type\":\"subscribe\"|\"unsubscribe\"|\"ping\"} with exactly one UUID workspaceId or nodeId"));
        }
        RealtimeRooms.Kind kind = workspaceId != null ? RealtimeRooms.Kind.WORKSPACE : RealtimeRooms.Kind.NODE;
        UUID id = workspaceId != null ? workspaceId : nodeId;
        if (type.equals("unsubscribe")) {
            boolean removed = rooms.leave(kind, id);
            return Mono.just(reply("unsubscribed", workspaceId, nodeId).put("wasSubscribed", removed).toString());
        }
        return rooms.join(access, user, kind, id).map(ws -> reply("subscribed", workspaceId, nodeId).toString())
                .onErrorResume(ApiException.class, e -> Mono.just(error(e.code(), e.getMessage())));
    }

    private ObjectNode reply(String type, UUID workspaceId, UUID nodeId) {
        ObjectNode reply = mapper.createObjectNode().put("type", type);
        return workspaceId != null ? reply.put("workspaceId", workspaceId.toString()) : reply.put("nodeId", nodeId.toString());
    }

    private String error(String code, String message) {
        return mapper.createObjectNode().put("type", "error").put("code", code).put("message", message).toString();
    }

    private static UUID uuid(JsonNode frame, String field) {
        try {
            return frame.hasNonNull(field) ? UUID.fromString(frame.get(field).asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
