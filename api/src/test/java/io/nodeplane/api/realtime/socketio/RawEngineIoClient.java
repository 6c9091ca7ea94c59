package io.nodeplane.api.realtime.socketio;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A bare WebSocket speaking Engine.IO by hand: for what the real client never does (ignore pings, send garbage). */
final class RawEngineIoClient implements AutoCloseable {

    final AtomicBoolean closed = new AtomicBoolean();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Sinks.Many<Function<WebSocketSession, WebSocketMessage>> outgoing =
            Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable connection;

    RawEngineIoClient(String url) {
        connection = new ReactorNettyWebSocketClient().execute(URI.create(url), session -> Mono.firstWithSignal(
                        session.send(outgoing.asFlux().map(message -> message.apply(session))),
                        session.receive().doOnNext(frame -> received.add(frame.getPayloadAsText())).then()))
                .doFinally(signal -> closed.set(true))
                .subscribe(null, error -> { });
    }

    void send(String text) {
        outgoing.tryEmitNext(session -> session.textMessage(text));
    }

    void sendBinary(byte[] bytes) {
        outgoing.tryEmitNext(session -> session.binaryMessage(factory -> factory.wrap(bytes)));
    }

    /** The next frame received, waiting for it. */
    String next() throws InterruptedException {
        String frame = received.poll(15, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame received");
        }
        return frame;
    }

    /** The next frame that is not a ping. */
    String nextMessage() throws InterruptedException {
        String frame = next();
        return frame.equals("2") ? nextMessage() : frame;
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
