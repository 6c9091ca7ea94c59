package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The namespace sockets of one Engine.IO connection, and the routing of Socket.IO packets to them. */
final class NamespaceMux {

    private static final Logger log = LoggerFactory.getLogger(NamespaceMux.class);

    private final EngineIoConnection connection;
    private final SocketIoServer server;
    private final Map<String, NamespaceSocket> sockets = new ConcurrentHashMap<>();

    NamespaceMux(EngineIoConnection connection, SocketIoServer server) {
        this.connection = connection;
        this.server = server;
    }

    /** Handles the Socket.IO packet of one Engine.IO message; throws {@link MalformedPacketException}. */
    void receive(String data) {
        SocketIoPacket packet = server.codec().decode(data);
        switch (packet.type()) {
            case SocketIoCodec.CONNECT -> connect(packet.namespace(), packet.data());
            case SocketIoCodec.DISCONNECT -> {
                NamespaceSocket socket = sockets.remove(packet.namespace());
                if (socket != null) {
                    socket.disconnectedByClient();
                }
            }
            case SocketIoCodec.EVENT -> {
                NamespaceSocket socket = sockets.get(packet.namespace());
                if (socket != null) {
                    socket.enqueue(packet);
                } else {
                    log.debug("Ignoring an event for namespace {}, which connection {} has not joined",
                            packet.namespace(), connection.sid());
                }
            }
            // the engine emits no events that ask for an ack, so a client's ack answers nothing
            case SocketIoCodec.ACK -> log.debug("Ignoring an ack on connection {}", connection.sid());
            default -> throw new MalformedPacketException("unexpected Socket.IO packet type " + packet.type());
        }
    }

    private void connect(String name, JsonNode auth) {
        SocketIoNamespace namespace = server.namespace(name);
        if (namespace == null) {
            connection.sendMessage(SocketIoCodec.connectError(name, "Invalid namespace"));
            return;
        }
        NamespaceSocket socket = new NamespaceSocket(connection, name, server);
        if (sockets.putIfAbsent(name, socket) != null) {
            connection.sendMessage(SocketIoCodec.connectError(name, "Already connected to namespace " + name));
            return;
        }
        if (!connection.isOpen()) {
            // closed meanwhile: closeAll may have missed it
            sockets.remove(name, socket);
            return;
        }
        socket.connect(namespace, auth);
    }

    /** Forgets a socket that was refused or closed by the server; true when no socket is left. */
    boolean remove(NamespaceSocket socket) {
        sockets.remove(socket.namespace(), socket);
        return sockets.isEmpty();
    }

    void closeAll(String reason) {
        sockets.values().forEach(socket -> socket.gone(reason));
        sockets.clear();
    }
}
