package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import reactor.core.publisher.Mono;

/** A namespace for tests: accepts {@code auth.token == "ok"}, acks, emits back, handles in order, fails on demand. */
final class EchoNamespace implements SocketIoNamespace {

    final BlockingQueue<SocketIoSocket> sockets = new LinkedBlockingQueue<>();
    final List<Integer> handled = new CopyOnWriteArrayList<>();
    private final String name;

    EchoNamespace(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mono<Void> onConnect(SocketIoSocket socket, JsonNode auth) {
        if (auth == null || !"ok".equals(auth.path("token").asText())) {
            return Mono.error(new SocketIoConnectRefused("Invalid token"));
        }
        // emitted before the CONNECT answer: the client must still receive it after being connected
        socket.emit("welcome", Map.of("sid", socket.id()));
        socket.on("echo", args -> Mono.just(args));
        socket.on("silent", args -> Mono.empty());
        socket.on("emit-back", args -> {
            socket.emit("echoed", args.toArray());
            return Mono.empty();
        });
        socket.on("emit-json", args -> {
            socket.emitJson("raw", "{\"pre\":\"serialized\"}");
            return Mono.empty();
        });
        // later events finish faster: only strictly sequential handling keeps them in order
        socket.on("ordered", args -> {
            int n = args.get(0).asInt();
            return Mono.delay(Duration.ofMillis(20L * (10 - n))).doOnNext(tick -> handled.add(n)).thenReturn(n);
        });
        socket.on("fail", args -> Mono.error(new IllegalStateException("boom")));
        socket.on("disconnect-me", args -> {
            socket.disconnect("asked by the test");
            return Mono.empty();
        });
        socket.onUnknown((event, args) -> Mono.just(Map.of("unknown", event)));
        socket.attributes().put("token", auth.path("token").asText());
        // tests wait for this; it is offered last, once every handler is in place
        return Mono.fromRunnable(() -> sockets.add(socket));
    }

    SocketIoSocket next() throws InterruptedException {
        SocketIoSocket socket = sockets.poll(15, java.util.concurrent.TimeUnit.SECONDS);
        if (socket == null) {
            throw new AssertionError("no socket connected to " + name);
        }
        return socket;
    }

    static Duration patience() {
        return Duration.ofSeconds(15);
    }
}
