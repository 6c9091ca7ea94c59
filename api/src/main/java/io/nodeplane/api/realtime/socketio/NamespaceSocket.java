package io.nodeplane.api.realtime.socketio;

import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.CLIENT_DISCONNECT;
import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.CONNECT_REFUSED;
import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.SERVER_DISCONNECT;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodeplane.api.realtime.socketio.SocketLifecycle.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Mono;

/** A client's connection to one namespace, over one Engine.IO connection. */
final class NamespaceSocket implements SocketIoSocket {

    private static final Logger log = LoggerFactory.getLogger(NamespaceSocket.class);

    private final String id = RandomIds.next();
    private final EngineIoConnection connection;
    private final String namespace;
    private final SocketIoCodec codec;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final SocketLifecycle lifecycle;
    private final EventDispatcher dispatcher;

    NamespaceSocket(EngineIoConnection connection, String namespace, SocketIoServer server) {
        this.connection = connection;
        this.namespace = namespace;
        this.codec = server.codec();
        int capacity = server.properties().outboundQueue();
        this.lifecycle = new SocketLifecycle(connection, capacity);
        this.dispatcher = new EventDispatcher(this, codec, capacity);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public HandshakeInfo handshake() {
        return connection.handshake();
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public void on(String event, SocketIoEventHandler handler) {
        dispatcher.on(event, handler);
    }

    @Override
    public void onUnknown(BiFunction<String, List<JsonNode>, Mono<?>> handler) {
        dispatcher.onUnknown(handler);
    }

    @Override
    public boolean emit(String event, Object... args) {
        return lifecycle.send(codec.event(namespace, event, args));
    }

    @Override
    public boolean emitJson(String event, String jsonArgument) {
        return lifecycle.send(SocketIoCodec.eventJson(namespace, event, jsonArgument));
    }

    @Override
    public void disconnect(String reason) {
        State previous = lifecycle.end(SERVER_DISCONNECT);
        if (previous == State.CLOSED) {
            return;
        }
        log.debug("Disconnecting socket {} of namespace {}: {}", id, namespace, reason);
        // a client still waiting for its CONNECT answer would not understand a DISCONNECT
        connection.sendMessage(previous == State.CONNECTED ? SocketIoCodec.disconnect(namespace)
                : SocketIoCodec.connectError(namespace, reason));
        if (connection.forget(this)) {
            connection.close(SERVER_DISCONNECT);
        }
    }

    @Override
    public Mono<String> closed() {
        return lifecycle.closed();
    }

    @Override
    public boolean isConnected() {
        return lifecycle.isConnected();
    }

    EngineIoConnection connection() {
        return connection;
    }

    /** Runs the namespace's {@code onConnect}, then answers CONNECT (and starts handling events) or CONNECT_ERROR. */
    void connect(SocketIoNamespace target, JsonNode auth) {
        Mono.defer(() -> target.onConnect(this, auth)).subscribe(null, this::refuse, () -> {
            if (lifecycle.accept(SocketIoCodec.connect(namespace, id))) {
                dispatcher.start();
            }
        });
    }

    private void refuse(Throwable error) {
        String message = error.getMessage();
        if (!(error instanceof SocketIoConnectRefused)) {
            log.warn("Namespace {} failed while accepting a connection: {}", namespace, error.toString());
            message = "Internal error";
        }
        if (lifecycle.end(CONNECT_REFUSED) == State.CONNECTING) {
            connection.sendMessage(SocketIoCodec.connectError(namespace, message));
            connection.forget(this);
        }
    }

    void enqueue(SocketIoPacket event) {
        dispatcher.enqueue(event);
    }

    void sendAck(long ackId, String jsonArguments) {
        lifecycle.sendIfConnected(SocketIoCodec.ack(namespace, ackId, jsonArguments));
    }

    void disconnectedByClient() {
        lifecycle.end(CLIENT_DISCONNECT);
    }

    /** The connection closed. */
    void gone(String reason) {
        lifecycle.end(reason);
    }
}
