package io.nodeplane.api.realtime.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * Engine.IO 4 text packets: one digit for the type, then the data. A polling payload joins packets with the
 * record separator U+001E. Binary packets (raw frames, or {@code b<base64>} in a polling payload) are not
 * supported.
 */
final class EngineIoCodec {

    static final char OPEN = '0';
    static final char CLOSE = '1';
    static final char PING = '2';
    static final char PONG = '3';
    static final char MESSAGE = '4';
    static final char UPGRADE = '5';
    static final char NOOP = '6';
    static final char SEPARATOR = '\u001e';

    private EngineIoCodec() {
    }

    /** The type of a packet, one of the constants above. */
    static char type(String packet) {
        if (packet.isEmpty()) {
            throw new MalformedPacketException("empty Engine.IO packet");
        }
        char type = packet.charAt(0);
        if (type == 'b') {
            throw new MalformedPacketException("binary packets are not supported");
        }
        if (type < OPEN || type > NOOP) {
            throw new MalformedPacketException("unknown Engine.IO packet type '" + type + "'");
        }
        return type;
    }

    /** What follows the type digit. */
    static String data(String packet) {
        return packet.substring(1);
    }

    /** The open packet; {@code upgradable} tells a polling client that it may upgrade to WebSocket. */
    static String open(String sid, boolean upgradable, SocketIoProperties properties) {
        // sid is URL-safe base64: nothing to escape
        return OPEN + "{\"sid\":\"" + sid + "\",\"upgrades\":" + (upgradable ? "[\"websocket\"]" : "[]")
                + ",\"pingInterval\":" + properties.pingInterval().toMillis()
                + ",\"pingTimeout\":" + properties.pingTimeout().toMillis()
                + ",\"maxPayload\":" + properties.maxPayload() + "}";
    }

    static String message(String socketIoPacket) {
        return MESSAGE + socketIoPacket;
    }

    /** The packets of a polling request body. */
    static List<String> decodePayload(String body) {
        List<String> packets = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = body.indexOf(SEPARATOR, start);
            String packet = body.substring(start, end < 0 ? body.length() : end);
            type(packet);
            packets.add(packet);
            if (end < 0) {
                return packets;
            }
            start = end + 1;
        }
    }

    /** A polling response body. */
    static String encodePayload(List<String> packets) {
        return String.join(String.valueOf(SEPARATOR), packets);
    }
}
