package io.nodeplane.api.realtime.socketio;

import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.PARSE_ERROR;
import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.PING_TIMEOUT;
import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.SLOW_CONSUMER;
import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.TRANSPORT_CLOSE;
import static io.nodeplane.api.realtime.socketio.SocketIoCloseReasons.TRANSPORT_ERROR;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One Engine.IO session (what Socket.IO calls a client): its transport, heartbeat and outbound queue. The
 * namespace sockets multiplexed over it live in its {@link NamespaceMux}.
 */
final class EngineIoConnection {

    private static final Logger log = LoggerFactory.getLogger(EngineIoConnection.class);

    /** How packets travel: long-polling, long-polling while a WebSocket probes, or WebSocket. */
    enum Transport { POLLING, UPGRADING, WEBSOCKET }

    private final String sid = RandomIds.next();
    private final HandshakeInfo handshake;
    private final SocketIoServer server;
    private final Outbox outbox;
    private final Heartbeat heartbeat;
    private final NamespaceMux mux;
    private final AtomicReference<Transport> transport;
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final AtomicReference<Object> poller = new AtomicReference<>(); // the GET waiting, if any

    EngineIoConnection(SocketIoServer server, HandshakeInfo handshake, Transport transport) {
        this.server = server;
        this.handshake = handshake;
        this.transport = new AtomicReference<>(transport);
        SocketIoProperties properties = server.properties();
        this.outbox = new Outbox(properties.outboundQueue());
        this.heartbeat = new Heartbeat(properties.pingInterval(), properties.pingTimeout(),
                () -> send(String.valueOf(EngineIoCodec.PING)), () -> close(PING_TIMEOUT));
        this.mux = new NamespaceMux(this, server);
    }

    String sid() {
        return sid;
    }

    HandshakeInfo handshake() {
        return handshake;
    }

    Transport transport() {
        return transport.get();
    }

    boolean isOpen() {
        return closeReason.get() == null;
    }

    /** Completes when the connection is closed. */
    Mono<Void> onClose() {
        return closed.asMono();
    }

    void startHeartbeat() {
        heartbeat.start();
    }

    /** Forgets a namespace socket that was refused or disconnected by the server; true when none is left. */
    boolean forget(NamespaceSocket socket) {
        return mux.remove(socket);
    }

    /** Queues an Engine.IO packet; a full queue closes the connection as a slow consumer. */
    boolean send(String packet) {
        if (outbox.offer(packet)) {
            return true;
        }
        close(SLOW_CONSUMER);
        return false;
    }

    boolean sendMessage(String socketIoPacket) {
        return send(EngineIoCodec.message(socketIoPacket));
    }

    /**
     * Handles one Engine.IO packet from the client. Never throws: a malformed packet closes the connection.
     *
     * @return false when the packet was malformed
     */
    synchronized boolean receive(String packet) {
        try {
            switch (EngineIoCodec.type(packet)) {
                case EngineIoCodec.PONG -> heartbeat.pong();
                case EngineIoCodec.PING -> send(EngineIoCodec.PONG + EngineIoCodec.data(packet));
                case EngineIoCodec.MESSAGE -> mux.receive(EngineIoCodec.data(packet));
                case EngineIoCodec.CLOSE -> close(TRANSPORT_CLOSE);
                case EngineIoCodec.NOOP -> { }
                default -> throw new MalformedPacketException("unexpected Engine.IO packet from a client");
            }
            return true;
        } catch (MalformedPacketException e) {
            log.debug("Closing Engine.IO connection {}: {}", sid, e.getMessage());
            close(PARSE_ERROR);
            return false;
        } catch (RuntimeException e) {
            // a bug, not the client's fault; still, nothing may escape into the transport
            log.warn("Closing Engine.IO connection {} after an unexpected failure", sid, e);
            close(TRANSPORT_ERROR);
            return false;
        }
    }

    /** The packets for a WebSocket transport. */
    Flux<String> outbound() {
        return outbox.flux();
    }

    /**
     * The body for one long-polling GET: waits up to the ping interval (not at all while upgrading), then answers
     * what is queued, or a noop. Empty when another GET is already waiting (the connection is then closed).
     */
    Mono<String> poll() {
        Object poll = new Object();
        if (!poller.compareAndSet(null, poll)) {
            close(TRANSPORT_ERROR);
            return Mono.empty();
        }
        Duration wait = transport() == Transport.POLLING ? server.properties().pingInterval() : Duration.ZERO;
        return outbox.take(wait)
                .map(packets -> {
                    // released before the answer is written: the client may send its next GET as soon as it has it
                    poller.compareAndSet(poll, null);
                    return packets.isEmpty() ? String.valueOf(EngineIoCodec.NOOP) : EngineIoCodec.encodePayload(packets);
                })
                .doFinally(signal -> poller.compareAndSet(poll, null));
    }

    /** A WebSocket with this sid starts probing; false when the connection cannot be upgraded. */
    boolean beginUpgrade() {
        return isOpen() && transport.compareAndSet(Transport.POLLING, Transport.UPGRADING);
    }

    /** The probe succeeded: a waiting GET returns now, so that the client can pause polling. */
    void probed() {
        outbox.wakeReader();
    }

    void upgraded() {
        transport.set(Transport.WEBSOCKET);
    }

    void upgradeAborted() {
        transport.compareAndSet(Transport.UPGRADING, Transport.POLLING);
    }

    /** Closes the connection and all its namespace sockets, once; the first reason wins. */
    void close(String reason) {
        if (!closeReason.compareAndSet(null, reason)) {
            return;
        }
        heartbeat.stop();
        server.unregister(this);
        mux.closeAll(reason);
        // a waiting or next GET learns of the close; a WebSocket is simply closed after what is queued
        String last = transport() == Transport.WEBSOCKET ? null : String.valueOf(EngineIoCodec.CLOSE);
        outbox.close(SLOW_CONSUMER.equals(reason), last);
        closed.tryEmitEmpty();
        log.debug("Engine.IO connection {} closed: {}", sid, reason);
    }
}
