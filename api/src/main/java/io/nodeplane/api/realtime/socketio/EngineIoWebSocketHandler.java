package io.nodeplane.api.realtime.socketio;

import io.nodeplane.api.realtime.socketio.EngineIoConnection.Transport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The WebSocket transport: a new Engine.IO connection (the open packet goes first), or the upgrade of a
 * long-polling one ({@code sid} given): {@code 2probe} is answered {@code 3probe}, and {@code 5} moves the
 * connection onto this WebSocket. Binary frames are not supported and close the connection.
 */
final class EngineIoWebSocketHandler implements WebSocketHandler {

    private final SocketIoServer server;
    private final String upgradeSid;

    /** @param upgradeSid the long-polling connection to upgrade, or null for a new connection */
    EngineIoWebSocketHandler(SocketIoServer server, String upgradeSid) {
        this.server = server;
        this.upgradeSid = upgradeSid;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return upgradeSid == null ? open(session) : upgrade(session);
    }

    private Mono<Void> open(WebSocketSession session) {
        EngineIoConnection connection = server.open(session.getHandshakeInfo(), Transport.WEBSOCKET);
        String open = EngineIoCodec.open(connection.sid(), false, server.properties());
        Mono<Void> receiving = session.receive().doOnNext(frame -> receive(connection, frame)).then();
        return serve(session, connection, Flux.just(open), receiving, () -> true);
    }

    private Mono<Void> upgrade(WebSocketSession session) {
        EngineIoConnection connection = server.connection(upgradeSid);
        if (connection == null || !connection.beginUpgrade()) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        Sinks.Many<String> probe = Sinks.many().unicast().onBackpressureBuffer();
        AtomicBoolean upgraded = new AtomicBoolean();
        Mono<Void> receiving = session.receive().doOnNext(frame -> {
            String text = frame.getType() == WebSocketMessage.Type.TEXT ? frame.getPayloadAsText() : null;
            if (upgraded.get()) {
                receive(connection, frame);
            } else if ("2probe".equals(text)) {
                probe.tryEmitNext("3probe");
                connection.probed();
            } else if ("5".equals(text)) {
                upgraded.set(true);
                connection.upgraded();
                // the outbox follows the probe answer on this WebSocket
                probe.tryEmitComplete();
            } else {
                probe.tryEmitError(new MalformedPacketException("unexpected packet while upgrading"));
            }
        }).then();
        // a failed probe leaves the connection on long-polling
        return serve(session, connection, probe.asFlux(), receiving, upgraded::get)
                .doFinally(signal -> connection.upgradeAborted());
    }

    /**
     * Sends {@code first}, then the connection's outbox, until either side closes.
     *
     * @param carries whether the connection travels on this WebSocket (then the WebSocket's end is the connection's)
     */
    private Mono<Void> serve(WebSocketSession session, EngineIoConnection connection, Flux<String> first,
                             Mono<Void> receiving, BooleanSupplier carries) {
        Mono<Void> sending = session.send(first.concatWith(Flux.defer(connection::outbound)).map(session::textMessage))
                .then(Mono.defer(session::close));
        // a client that stops reading must not keep a closed connection's WebSocket open
        Mono<Void> overdue = connection.onClose().then(Mono.delay(server.properties().pingTimeout()))
                .then(Mono.defer(session::close));
        return Mono.firstWithSignal(receiving, sending, overdue)
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> {
                    if (carries.getAsBoolean()) {
                        connection.close(SocketIoCloseReasons.TRANSPORT_CLOSE);
                    }
                });
    }

    private static void receive(EngineIoConnection connection, WebSocketMessage frame) {
        if (frame.getType() == WebSocketMessage.Type.TEXT) {
            connection.receive(frame.getPayloadAsText());
        } else if (frame.getType() == WebSocketMessage.Type.BINARY) {
            connection.close(SocketIoCloseReasons.PARSE_ERROR);
        }
    }
}
