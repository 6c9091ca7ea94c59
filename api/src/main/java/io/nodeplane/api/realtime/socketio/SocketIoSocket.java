package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Mono;

/**
 * One client's connection to one namespace. Events of a socket are handled strictly one at a time in arrival
 * order: the next handler starts after the previous handler's Mono terminated. A failing handler is logged and,
 * when the client asked for an ack, acked with {@code {"ok":false,"message":"Internal error"}}; the socket
 * stays open. Handlers still running when the socket closes are not cancelled.
 */
public interface SocketIoSocket {

    /** The namespace socket id (random, unguessable), sent to the client as {@code sid} on CONNECT. */
    String id();

    String namespace();

    /** The request that opened the Engine.IO connection: headers, remote address, uri (query). */
    HandshakeInfo handshake();

    /** Per-socket state for the namespace (a thread-safe map). */
    Map<String, Object> attributes();

    void on(String event, SocketIoEventHandler handler);

    /** Handler for events without a registered handler (default: ignore). */
    void onUnknown(BiFunction<String, List<JsonNode>, Mono<?>> handler);

    /**
     * Emits an event; args are serialized with the application's ObjectMapper. Never blocks; safe from any thread.
     *
     * @return false when the socket is closed or its connection's outbound buffer is full (the connection is
     *         then closed as a slow consumer)
     * @throws IllegalArgumentException when an argument cannot be serialized or the name is reserved
     */
    boolean emit(String event, Object... args);

    /**
     * Emits an event whose single argument is already-serialized JSON (used to fan one serialized message out
     * to thousands of sockets without re-serializing). The JSON is not checked.
     */
    boolean emitJson(String event, String jsonArgument);

    /**
     * Server-side disconnect of this namespace socket: sends DISCONNECT for the namespace, then closes the
     * underlying Engine.IO connection if no other namespace socket uses it. {@link #closed()} completes with
     * {@code "server namespace disconnect"}; {@code reason} is only logged.
     */
    void disconnect(String reason);

    /**
     * Completes, exactly once, with the reason when this socket is gone, whatever the cause, e.g.
     * {@code "client namespace disconnect"}, {@code "transport close"}, {@code "ping timeout"},
     * {@code "server namespace disconnect"}, {@code "slow consumer"}; all are in {@link SocketIoCloseReasons}.
     */
    Mono<String> closed();

    boolean isConnected();
}
