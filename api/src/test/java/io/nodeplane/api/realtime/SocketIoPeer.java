package io.nodeplane.api.realtime;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/** A real Socket.IO v4 client (the Java port of socket.io-client) on one namespace, websocket transport only. */
final class SocketIoPeer implements AutoCloseable {

    final Socket socket;
    private final Map<String, BlockingQueue<Object>> events = new ConcurrentHashMap<>();
    private final BlockingQueue<String> lifecycle = new LinkedBlockingQueue<>();

    SocketIoPeer(String url, Map<String, String> auth, String... listenTo) {
        IO.Options options = IO.Options.builder().setTransports(new String[] {"websocket"}).setReconnection(false)
                .setForceNew(true).setAuth(auth).build();
        socket = IO.socket(URI.create(url), options);
        socket.on(Socket.EVENT_CONNECT, args -> lifecycle.add("connect"));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> lifecycle.add("connect_error:" + message(args)));
        socket.on(Socket.EVENT_DISCONNECT, args -> lifecycle.add("disconnect:" + (args.length > 0 ? args[0] : "")));
        for (String event : listenTo) {
            socket.on(event, args -> queue(event).add(args.length > 0 ? args[0] : JSONObject.NULL));
        }
        socket.connect();
    }

    /** The next connect, connect_error or disconnect, e.g. {@code "connect_error:Unauthorized"}. */
    String nextLifecycle() throws InterruptedException {
        String next = lifecycle.poll(15, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no connect, connect_error or disconnect within 15 s");
        }
        return next;
    }

    /** The next payload of {@code event} (which must be listened to); fails after 15 s. */
    JSONObject next(String event) throws InterruptedException {
        Object next = queue(event).poll(15, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no " + event + " within 15 s");
        }
        return (JSONObject) next;
    }

    /** Whether {@code event} arrives within {@code millis} (for "never arrives" checks after a later marker). */
    Object poll(String event, long millis) throws InterruptedException {
        return queue(event).poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Emits and waits for the server's ack (its first argument). */
    JSONObject call(String event, JSONObject body) throws Exception {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        socket.emit(event, new Object[] {body}, (Ack) args -> answer.complete(args.length > 0 ? args[0] : null));
        return (JSONObject) answer.get(15, TimeUnit.SECONDS);
    }

    void emit(String event, JSONObject body) {
        socket.emit(event, body);
    }

    private BlockingQueue<Object> queue(String event) {
        return events.computeIfAbsent(event, e -> new LinkedBlockingQueue<>());
    }

    private static String message(Object[] args) {
        if (args.length > 0 && args[0] instanceof JSONObject json) {
            return json.optString("message");
        }
        return args.length > 0 && args[0] instanceof Exception e ? e.getMessage() : String.valueOf(args.length > 0 ? args[0] : "");
    }

    @Override
    public void close() {
        socket.close();
    }
}
