package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The engine and its routes alone (no application context) on a Reactor Netty server on a random loopback port. */
final class SocketIoTestServer implements AutoCloseable {

    final SocketIoServer engine;
    private final DisposableServer http;

    SocketIoTestServer(SocketIoProperties properties, SocketIoNamespace... namespaces) {
        engine = new SocketIoServer(List.of(namespaces), properties, new ObjectMapper());
        HttpHandler handler = RouterFunctions.toHttpHandler(SocketIoConfiguration.routes(engine, properties));
        http = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
    }

    static SocketIoProperties heartbeat(long intervalMillis, long timeoutMillis) {
        SocketIoProperties defaults = SocketIoProperties.defaults();
        return new SocketIoProperties(Duration.ofMillis(intervalMillis), Duration.ofMillis(timeoutMillis),
                defaults.maxPayload(), defaults.outboundQueue());
    }

    static SocketIoProperties outboundQueue(int packets) {
        SocketIoProperties defaults = SocketIoProperties.defaults();
        return new SocketIoProperties(defaults.pingInterval(), defaults.pingTimeout(), defaults.maxPayload(), packets);
    }

    String url() {
        return "http://127.0.0.1:" + http.port();
    }

    String webSocketUrl() {
        return "ws://127.0.0.1:" + http.port() + "/socket.io/?EIO=4&transport=websocket";
    }

    @Override
    public void close() {
        engine.shutdown();
        http.disposeNow();
    }
}
