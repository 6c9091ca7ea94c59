package io.nodeplane.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.nodeplane.api.realtime.socketio.SocketIoSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The small vocabulary of the agent socket: its answers, and reading its payloads. */
final class AgentSocketMessages {

    private AgentSocketMessages() {
    }

    /** An ack body {@code {ok:true, type}} that more fields can be added to. */
    record Answer(Map<String, Object> map) {
        Answer with(String key, Object value) {
            map.put(key, value);
            return this;
        }
    }

    static Answer answer(String type) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", true);
        map.put("type", type);
        return new Answer(map);
    }

    /** Tells the agent what was wrong ({@code agent.error}) and acks {@code {ok:false}}; the socket stays open. */
    static Mono<Object> refuse(SocketIoSocket socket, String eventType, String message) {
        socket.emit("agent.error", Map.of("type", "agent.error", "eventType", eventType, "message", message));
        return Mono.just(Map.of("ok", false, "type", eventType, "message", message));
    }

    static JsonNode first(List<JsonNode> args) {
        return args.isEmpty() ? MissingNode.getInstance() : args.get(0);
    }

    static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
