package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Set;

/**
 * Socket.IO protocol 5 packets (Socket.IO v4), carried in Engine.IO messages:
 * {@code <type>[<namespace>,][<ack id>][<JSON>]}, the namespace omitted for {@code "/"}. Binary packets
 * (BINARY_EVENT, BINARY_ACK) are rejected: they would need attachments, which this engine does not support.
 */
final class SocketIoCodec {

    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;
    static final int BINARY_EVENT = 5;
    static final int BINARY_ACK = 6;

    // ack ids are JavaScript numbers on the client: more digits than a safe integer has is not a real id
    private static final int MAX_ACK_ID_DIGITS = 15;

    // names the client library keeps for itself: an event with one of them would never reach the application
    private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
            "disconnecting", "newListener", "removeListener");

    private final ObjectReader reader;
    private final ObjectWriter writer;

    SocketIoCodec(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = mapper.writer();
    }

    SocketIoPacket decode(String text) {
        if (text.isEmpty()) {
            throw new MalformedPacketException("empty Socket.IO packet");
        }
        int type = text.charAt(0) - '0';
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            throw new MalformedPacketException("binary packets are not supported");
        }
        if (type < CONNECT || type > BINARY_ACK) {
            throw new MalformedPacketException("unknown Socket.IO packet type '" + text.charAt(0) + "'");
        }
        int i = 1;
        String namespace = "/";
        if (i < text.length() && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            namespace = text.substring(i, comma < 0 ? text.length() : comma);
            i = comma < 0 ? text.length() : comma + 1;
        }
        int digits = i;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        Long ackId = null;
        if (digits > i) {
            if (digits - i > MAX_ACK_ID_DIGITS) {
                throw new MalformedPacketException("ack id too long");
            }
            ackId = Long.parseLong(text.substring(i, digits));
            i = digits;
        }
        JsonNode data = i < text.length() ? parse(text.substring(i)) : null;
        SocketIoPacket packet = new SocketIoPacket(type, namespace, ackId, data);
        validate(packet);
        return packet;
    }

    private JsonNode parse(String json) {
        try {
            return reader.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPacketException("invalid JSON payload");
        }
    }

    private static void validate(SocketIoPacket p) {
        JsonNode data = p.data();
        boolean valid = switch (p.type()) {
            case CONNECT -> p.ackId() == null && (data == null || data.isObject());
            case DISCONNECT -> p.ackId() == null && data == null;
            case EVENT -> data != null && data.isArray() && data.size() > 0 && data.get(0).isTextual();
            case ACK -> p.ackId() != null && data != null && data.isArray();
            default -> p.ackId() == null && data != null && (data.isObject() || data.isTextual());
        };
        if (!valid) {
            throw new MalformedPacketException("invalid payload for Socket.IO packet type " + p.type());
        }
    }

    static String encode(int type, String namespace, Long ackId, String json) {
        StringBuilder packet = new StringBuilder().append(type);
        if (!"/".equals(namespace)) {
            packet.append(namespace).append(',');
        }
        if (ackId != null) {
            packet.append(ackId);
        }
        return json == null ? packet.toString() : packet.append(json).toString();
    }

    static String connect(String namespace, String sid) {
        return encode(CONNECT, namespace, null, "{\"sid\":" + quote(sid) + "}");
    }

    static String connectError(String namespace, String message) {
        return encode(CONNECT_ERROR, namespace, null, "{\"message\":" + quote(message) + "}");
    }

    static String disconnect(String namespace) {
        return encode(DISCONNECT, namespace, null, null);
    }

    /** An EVENT; the arguments are serialized with the application's ObjectMapper. */
    String event(String namespace, String event, Object... args) {
        checkEventName(event);
        Object[] array = new Object[args.length + 1];
        array[0] = event;
        System.arraycopy(args, 0, array, 1, args.length);
        return encode(EVENT, namespace, null, json(array));
    }

    /** An EVENT whose single argument is already-serialized JSON. */
    static String eventJson(String namespace, String event, String jsonArgument) {
        checkEventName(event);
        return encode(EVENT, namespace, null, "[" + quote(event) + "," + jsonArgument + "]");
    }

    private static void checkEventName(String event) {
        if (event == null || RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("Reserved or missing Socket.IO event name: " + event);
        }
    }

    /** A value serialized with the application's ObjectMapper. */
    String json(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize a Socket.IO argument: " + e.getOriginalMessage(), e);
        }
    }

    /** An ACK; {@code jsonArguments} is the JSON array of the ack's arguments. */
    static String ack(String namespace, long ackId, String jsonArguments) {
        return encode(ACK, namespace, ackId, jsonArguments);
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
