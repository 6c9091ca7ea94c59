package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded Socket.IO packet.
 *
 * @param type      one of the {@link SocketIoCodec} type constants
 * @param namespace the namespace, {@code "/"} when the packet names none
 * @param ackId     the acknowledgement id, or null
 * @param data      the JSON payload, or null
 */
record SocketIoPacket(int type, String namespace, Long ackId, JsonNode data) {

    /** The event name of an EVENT packet. */
    String event() {
        return data.get(0).asText();
    }

    /** The arguments of an EVENT packet (the elements after the name). */
    List<JsonNode> args() {
        List<JsonNode> args = new ArrayList<>(data.size() - 1);
        for (int i = 1; i < data.size(); i++) {
            args.add(data.get(i));
        }
        return args;
    }
}
