package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Handles one event; the Mono's value (if any) is sent as the single argument of the ack when the client asked
 * for one (an empty Mono acks with no arguments). Must not block: the engine may call it on an I/O thread.
 */
@FunctionalInterface
public interface SocketIoEventHandler {

    Mono<?> handle(List<JsonNode> args);
}
