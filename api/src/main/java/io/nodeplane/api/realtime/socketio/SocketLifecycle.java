package io.nodeplane.api.realtime.socketio;

import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The lifecycle of a namespace socket (connecting, connected, closed) and its outbound packets: emits made
 * while it is still connecting wait, so that the client receives them after the CONNECT answer.
 */
final class SocketLifecycle {

    enum State { CONNECTING, CONNECTED, CLOSED }

    private final EngineIoConnection connection;
    private final int capacity;
    private final List<String> early = new ArrayList<>(); // guarded by this
    private final Sinks.One<String> closed = Sinks.one();
    private volatile State state = State.CONNECTING;

    SocketLifecycle(EngineIoConnection connection, int capacity) {
        this.connection = connection;
        this.capacity = capacity;
    }

    boolean isConnected() {
        return state == State.CONNECTED;
    }

    Mono<String> closed() {
        return closed.asMono();
    }

    /** Sends the CONNECT answer, then the waiting emits; false when the socket is no longer connecting. */
    synchronized boolean accept(String connectPacket) {
        if (state != State.CONNECTING) {
            return false;
        }
        connection.sendMessage(connectPacket);
        early.forEach(connection::sendMessage);
        early.clear();
        state = State.CONNECTED;
        return true;
    }

    /** Sends a Socket.IO packet of this socket; false when closed or when the outbound queue is full. */
    boolean send(String packet) {
        if (state == State.CONNECTING) {
            synchronized (this) {
                if (state == State.CONNECTING) {
                    return early.size() < capacity && early.add(packet);
                }
            }
        }
        return state == State.CONNECTED && connection.sendMessage(packet);
    }

    /** Sends a packet of the protocol (an ack) only while connected. */
    void sendIfConnected(String packet) {
        if (state == State.CONNECTED) {
            connection.sendMessage(packet);
        }
    }

    /** Closes the socket, completing {@link #closed()} with the reason the first time; returns the state it had. */
    State end(String reason) {
        State previous;
        synchronized (this) {
            previous = state;
            state = State.CLOSED;
            early.clear();
        }
        if (previous != State.CLOSED) {
            closed.tryEmitValue(reason);
        }
        return previous;
    }
}
