package io.nodeplane.api.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodeplane.api.realtime.RealtimeRooms.Kind;
import io.nodeplane.api.realtime.socketio.SocketIoConnectRefused;
import io.nodeplane.api.realtime.socketio.SocketIoNamespace;
import io.nodeplane.api.realtime.socketio.SocketIoSocket;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.security.SignedInUsers;
import io.nodeplane.api.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Socket.IO namespace {@code /realtime} for dashboards (contract §4). The handshake's {@code auth.token} is
 * the user's access token; on connect the socket joins every workspace the user may read, and
 * {@code subscribe.workspace}/{@code subscribe.node} (acked {@code {subscribed:true, workspaceId|nodeId}})
 * and {@code unsubscribe.*} change that. Each message arrives once as event {@code <type>} with the entity
 * plus {@code workspaceId}, {@code sourceInstanceId} and {@code sequence}, even for a socket that is in both
 * the workspace's and the node's room. A workspace the user loses is left with event
 * {@code subscription.revoked {workspaceId, reason:"ACCESS_REVOKED"}}; a session that ends (revoked,
 * deactivated) disconnects the socket from the server side (the client does not reconnect by itself).
 */
@Component
class DashboardNamespace implements SocketIoNamespace {

    private final SignedInUsers users;
    private final RealtimeAccess access;
    private final RealtimeHub hub;
    private final RealtimeSessions sessions;

    DashboardNamespace(SignedInUsers users, RealtimeAccess access, RealtimeHub hub, RealtimeSessions sessions) {
        this.users = users;
        this.access = access;
        this.hub = hub;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "/realtime";
    }

    @Override
    public Mono<Void> onConnect(SocketIoSocket socket, JsonNode auth) {
        String token = auth == null ? null : auth.path("token").asText(null);
        return users.byAccessToken(token)
                .switchIfEmpty(Mono.error(() -> new SocketIoConnectRefused("Unauthorized")))
                .flatMap(user -> access.readableWorkspaces(user).collectList().doOnNext(readable -> {
                    Listener listener = new Listener(socket, user);
                    listener.rooms.joinAll(readable);
                    handle(socket, user, listener.rooms);
                    hub.subscribe(listener);
                    sessions.opened(listener);
                    socket.closed().subscribe(reason -> {
                        hub.unsubscribe(listener);
                        sessions.closed(listener);
                    });
                }))
                .then();
    }

    private void handle(SocketIoSocket socket, AuthenticatedUser user, RealtimeRooms rooms) {
        socket.on("subscribe.workspace", args -> join(args, user, rooms, Kind.WORKSPACE, "workspaceId"));
        socket.on("subscribe.node", args -> join(args, user, rooms, Kind.NODE, "nodeId"));
        socket.on("unsubscribe.workspace", args -> leave(args, rooms, Kind.WORKSPACE, "workspaceId"));
        socket.on("unsubscribe.node", args -> leave(args, rooms, Kind.NODE, "nodeId"));
    }

    private Mono<Map<String, Object>> join(List<JsonNode> args, AuthenticatedUser user, RealtimeRooms rooms, Kind kind,
                                           String field) {
        UUID id = id(args, field);
        if (id == null) {
            return Mono.just(answer("subscribed", false, field, null, field + " must be a UUID"));
        }
        return rooms.join(access, user, kind, id).map(workspaceId -> answer("subscribed", true, field, id, null))
                .onErrorResume(ApiException.class, e -> Mono.just(answer("subscribed", false, field, id, e.getMessage())));
    }

    private static Mono<Map<String, Object>> leave(List<JsonNode> args, RealtimeRooms rooms, Kind kind, String field) {
        UUID id = id(args, field);
        if (id == null) {
            return Mono.just(answer("unsubscribed", false, field, null, field + " must be a UUID"));
        }
        rooms.leave(kind, id);
        return Mono.just(answer("unsubscribed", true, field, id, null));
    }

    private static Map<String, Object> answer(String verb, boolean ok, String field, UUID id, String message) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put(verb, ok);
        ack.put(field, id == null ? null : id.toString());
        if (message != null) {
            ack.put("message", message);
        }
        return ack;
    }

    private static UUID id(List<JsonNode> args, String field) {
        try {
            return args.isEmpty() ? null : UUID.fromString(args.get(0).path(field).asText(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A hub subscriber that forwards what the socket's rooms cover, and the connection re-checks see. */
    private static final class Listener extends RealtimeSessions.RoomsSession implements RealtimeListener {
        private final SocketIoSocket socket;

        Listener(SocketIoSocket socket, AuthenticatedUser user) {
            super(user);
            this.socket = socket;
        }

        @Override
        void withdrawn(UUID workspaceId) {
            socket.emit("subscription.revoked", Map.of("workspaceId", workspaceId.toString(), "reason", "ACCESS_REVOKED"));
        }

        @Override
        public void end() {
            socket.disconnect("session ended");
        }

        @Override
        public boolean wants(RealtimeMessage m) {
            return rooms.covers(m);
        }

        @Override
        public boolean offer(List<RealtimeMessage> messages) {
            for (RealtimeMessage m : messages) {
                if (!socket.emitJson(m.type(), m.payload())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void overflowed() {
            socket.disconnect("slow consumer");
        }
    }
}
