package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Mono;

/**
 * The Socket.IO v4 (Engine.IO 4) engine: serves every {@link SocketIoNamespace} bean on {@code /socket.io/}
 * and keeps the open Engine.IO connections. What is and is not supported: see the package documentation.
 */
public final class SocketIoServer {

    /** The default namespace: accepts every connection, handles no events. */
    private static final SocketIoNamespace ROOT = new SocketIoNamespace() {
        @Override
        public String name() {
            return "/";
        }

        @Override
        public Mono<Void> onConnect(SocketIoSocket socket, JsonNode auth) {
            return Mono.empty();
        }
    };

    private final Map<String, SocketIoNamespace> namespaces = new HashMap<>();
    private final Map<String, EngineIoConnection> connections = new ConcurrentHashMap<>();
    private final SocketIoProperties properties;
    private final SocketIoCodec codec;

    SocketIoServer(Collection<? extends SocketIoNamespace> namespaces, SocketIoProperties properties,
                   ObjectMapper mapper) {
        this.properties = properties;
        this.codec = new SocketIoCodec(mapper);
        this.namespaces.put(ROOT.name(), ROOT);
        for (SocketIoNamespace namespace : namespaces) {
            String name = namespace.name();
            if (name == null || !name.startsWith("/")) {
                throw new IllegalStateException("A Socket.IO namespace name starts with '/': " + name);
            }
            if (this.namespaces.putIfAbsent(name, namespace) != null) {
                throw new IllegalStateException("The Socket.IO namespace " + name + " is served twice"
                        + (name.equals(ROOT.name()) ? " ('/' is served by the engine itself)" : ""));
            }
        }
    }

    /** The Engine.IO connections currently open, over WebSocket or long-polling. */
    public int openConnections() {
        return connections.size();
    }

    /** Opens an Engine.IO connection; its heartbeat starts at once. */
    EngineIoConnection open(HandshakeInfo handshake, EngineIoConnection.Transport transport) {
        EngineIoConnection connection = new EngineIoConnection(this, handshake, transport);
        connections.put(connection.sid(), connection);
        connection.startHeartbeat();
        return connection;
    }

    /** The open connection with this sid, or null. */
    EngineIoConnection connection(String sid) {
        return connections.get(sid);
    }

    void unregister(EngineIoConnection connection) {
        connections.remove(connection.sid(), connection);
    }

    SocketIoNamespace namespace(String name) {
        return namespaces.get(name);
    }

    SocketIoProperties properties() {
        return properties;
    }

    SocketIoCodec codec() {
        return codec;
    }

    @PreDestroy
    void shutdown() {
        connections.values().forEach(connection -> connection.close(SocketIoCloseReasons.SHUTTING_DOWN));
    }
}
