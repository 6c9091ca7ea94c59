package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Handles the events of one socket strictly one at a time, in arrival order (the next handler starts after the
 * previous handler's Mono terminated), and answers the acks. Events received before the socket closed are
 * still handled after it closed; their acks are not sent.
 */
final class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final String INTERNAL_ERROR_ACK = "[{\"ok\":false,\"message\":\"Internal error\"}]";

    private final NamespaceSocket socket;
    private final SocketIoCodec codec;
    private final Map<String, SocketIoEventHandler> handlers = new ConcurrentHashMap<>();
    private volatile BiFunction<String, List<JsonNode>, Mono<?>> unknown = (event, args) -> Mono.empty();
    // events wait here while the namespace accepts the socket and while an earlier handler runs
    private final Sinks.Many<SocketIoPacket> events;

    EventDispatcher(NamespaceSocket socket, SocketIoCodec codec, int capacity) {
        this.socket = socket;
        this.codec = codec;
        this.events = Sinks.many().unicast().onBackpressureBuffer(Queues.<SocketIoPacket>get(capacity).get());
    }

    void on(String event, SocketIoEventHandler handler) {
        handlers.put(event, handler);
    }

    void onUnknown(BiFunction<String, List<JsonNode>, Mono<?>> handler) {
        unknown = handler;
    }

    /** Called by the connection, one packet at a time. */
    void enqueue(SocketIoPacket event) {
        if (events.tryEmitNext(event).isFailure()) {
            // the client sends faster than the handlers finish: it would only grow the queue further
            socket.connection().close(SocketIoCloseReasons.TOO_MANY_EVENTS);
        }
    }

    void start() {
        events.asFlux().concatMap(this::handle).subscribe();
    }

    private Mono<Void> handle(SocketIoPacket packet) {
        String event = packet.event();
        Mono<String> ack = Mono.defer(() -> invoke(event, packet.args()))
                .map(value -> "[" + codec.json(value) + "]")
                .defaultIfEmpty("[]")
                .onErrorResume(error -> {
                    log.warn("Socket.IO handler of '{}' on {} failed: {}", event, socket.namespace(), error.toString());
                    log.debug("Socket.IO handler failure", error);
                    return Mono.just(INTERNAL_ERROR_ACK);
                });
        Long ackId = packet.ackId();
        return ackId == null ? ack.then() : ack.doOnNext(arguments -> socket.sendAck(ackId, arguments)).then();
    }

    private Mono<?> invoke(String event, List<JsonNode> args) {
        SocketIoEventHandler handler = handlers.get(event);
        return handler != null ? handler.handle(args) : unknown.apply(event, args);
    }
}
