package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

/**
 * A Socket.IO namespace served by the engine; every bean of this type is registered. The default namespace
 * {@code "/"} is always served by the engine itself (it accepts every connection and handles no events).
 */
public interface SocketIoNamespace {

    /** The namespace, starting with {@code /}, e.g. {@code "/realtime"}. */
    String name();

    /**
     * Called once on CONNECT to this namespace, with the handshake {@code auth} object ({@code null} when absent).
     * Complete empty to accept (the engine then answers CONNECT {@code {"sid":…}}); fail with
     * {@link SocketIoConnectRefused} to answer CONNECT_ERROR {@code {"message":…}} (any other error answers
     * {@code "Internal error"}). Register event handlers on the socket inside this call, before it completes:
     * events that arrive meanwhile wait and are handled after it. Emits made before it completes are sent
     * right after the CONNECT answer.
     */
    Mono<Void> onConnect(SocketIoSocket socket, JsonNode auth);
}
