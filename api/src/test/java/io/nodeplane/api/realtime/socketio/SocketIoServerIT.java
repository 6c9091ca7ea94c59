package io.nodeplane.api.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.api.realtime.socketio.EngineIoConnection.Transport;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine served alone on a real port (no application context, no database), driven by the Java Socket.IO
 * client, by a bare WebSocket speaking Engine.IO by hand, and by plain HTTP for long-polling.
 */
class SocketIoServerIT {

    private final EchoNamespace echo = new EchoNamespace("/echo");
    private final EchoNamespace other = new EchoNamespace("/other");
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private SocketIoTestServer server;

    @BeforeEach
    void start() {
        server = serve(SocketIoProperties.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    // ---- the Java client over WebSocket

    @Test
    void acceptsAConnectionWithItsSocketIdAndDeliversEmitsMadeWhileConnecting() throws Exception {
        Socket client = client("/echo", "ok");
        BlockingQueue<Object[]> welcome = events(client, "welcome");
        client.connect();
        SocketIoSocket socket = echo.next();

        assertThat(((JSONObject) take(welcome)[0]).getString("sid")).isEqualTo(socket.id());
        assertThat(client.id()).isEqualTo(socket.id());
        assertThat(socket.isConnected()).isTrue();
        assertThat(socket.namespace()).isEqualTo("/echo");
        assertThat(socket.handshake().getUri().getQuery()).contains("EIO=4").contains("transport=websocket");
        assertThat(socket.attributes()).containsEntry("token", "ok");
        assertThat(server.engine.openConnections()).isEqualTo(1);
    }

    @Test
    void refusesAConnectionWithTheNamespacesMessage() throws Exception {
        Socket client = client("/echo", "wrong");
        BlockingQueue<Object[]> errors = events(client, Socket.EVENT_CONNECT_ERROR);
        client.connect();

        assertThat(((JSONObject) take(errors)[0]).getString("message")).isEqualTo("Invalid token");
        assertThat(client.connected()).isFalse();
        assertThat(echo.sockets).isEmpty();
        client.close();
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    @Test
    void refusesAnUnknownNamespace() throws Exception {
        Socket client = client("/nope", "ok");
        BlockingQueue<Object[]> errors = events(client, Socket.EVENT_CONNECT_ERROR);
        client.connect();

        assertThat(((JSONObject) take(errors)[0]).getString("message")).isEqualTo("Invalid namespace");
    }

    @Test
    void acksAnEventWithTheHandlersValue() throws Exception {
        Socket client = connected("/echo");

        JSONArray echoed = (JSONArray) ack(client, "echo", new JSONObject().put("a", 1), 2)[0];
        assertThat(echoed.getJSONObject(0).getInt("a")).isEqualTo(1);
        assertThat(echoed.getInt(1)).isEqualTo(2);
        assertThat(ack(client, "silent")).isEmpty();
        assertThat(((JSONObject) ack(client, "no-such-event")[0]).getString("unknown")).isEqualTo("no-such-event");
    }

    @Test
    void deliversServerEmitsAndPreSerializedEmits() throws Exception {
        Socket client = connected("/echo");
        BlockingQueue<Object[]> echoed = events(client, "echoed");
        BlockingQueue<Object[]> raw = events(client, "raw");

        client.emit("emit-back", "a", 1);
        assertThat(take(echoed)).containsExactly("a", 1);
        client.emit("emit-json");
        assertThat(((JSONObject) take(raw)[0]).getString("pre")).isEqualTo("serialized");
    }

    @Test
    void handlesTheEventsOfASocketOneAtATimeInArrivalOrder() {
        Socket client = connected("/echo");

        IntStream.range(0, 10).forEach(n -> client.emit("ordered", n));
        await().atMost(EchoNamespace.patience()).until(() -> echo.handled.size() == 10);
        assertThat(echo.handled).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void acksAFailedHandlerWithAnInternalErrorAndKeepsTheSocket() throws Exception {
        Socket client = connected("/echo");

        JSONObject failure = (JSONObject) ack(client, "fail")[0];
        assertThat(failure.getBoolean("ok")).isFalse();
        assertThat(failure.getString("message")).isEqualTo("Internal error");
        assertThat(((JSONArray) ack(client, "echo", "still here")[0]).getString(0)).isEqualTo("still here");
    }

    @Test
    void serverDisconnectReachesTheClientAndClosesTheConnection() throws Exception {
        Socket client = connected("/echo");
        SocketIoSocket socket = echo.next();
        BlockingQueue<Object[]> disconnects = events(client, Socket.EVENT_DISCONNECT);

        client.emit("disconnect-me");
        assertThat(take(disconnects)[0]).isEqualTo("io server disconnect");
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("server namespace disconnect");
        assertThat(socket.isConnected()).isFalse();
        assertThat(socket.emit("late")).isFalse();
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    @Test
    void clientDisconnectCompletesClosedAndLeavesNoConnection() throws Exception {
        Socket client = connected("/echo");
        SocketIoSocket socket = echo.next();

        client.disconnect();
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("client namespace disconnect");
        assertThat(socket.emitJson("late", "{}")).isFalse();
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    @Test
    void multiplexesTwoNamespacesOverOneConnection() throws Exception {
        IO.Options options = options("ok", WebSocket.NAME);
        Manager manager = new Manager(URI.create(server.url()), options);
        Socket first = manager.socket("/echo", options);
        Socket second = manager.socket("/other", options);
        resources.add(first::close);
        resources.add(second::close);
        first.connect();
        second.connect();
        SocketIoSocket echoSocket = echo.next();
        SocketIoSocket otherSocket = other.next();

        assertThat(server.engine.openConnections()).isEqualTo(1);
        assertThat(((NamespaceSocket) echoSocket).connection()).isSameAs(((NamespaceSocket) otherSocket).connection());
        assertThat(((JSONArray) ack(first, "echo", "one")[0]).getString(0)).isEqualTo("one");
        assertThat(((JSONArray) ack(second, "echo", "two")[0]).getString(0)).isEqualTo("two");

        first.disconnect();
        assertThat(echoSocket.closed().block(EchoNamespace.patience())).isEqualTo("client namespace disconnect");
        assertThat(((JSONArray) ack(second, "echo", "alone")[0]).getString(0)).isEqualTo("alone");
        assertThat(otherSocket.isConnected()).isTrue();
        assertThat(server.engine.openConnections()).isEqualTo(1);

        second.disconnect();
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    // ---- Engine.IO by hand over WebSocket

    @Test
    void sendsTheConnectAnswerBeforeEmitsAndClosesAConnectionThatStopsAnsweringPings() throws Exception {
        SocketIoTestServer fast = serve(SocketIoTestServer.heartbeat(100, 100));
        RawEngineIoClient raw = raw(fast);
        JsonNode open = json(raw.next(), "0");
        assertThat(open.get("upgrades")).isEmpty();
        assertThat(open.get("pingInterval").asInt()).isEqualTo(100);

        raw.send("40/echo,{\"token\":\"ok\"}");
        SocketIoSocket socket = echo.next();
        assertThat(raw.nextMessage()).isEqualTo("40/echo,{\"sid\":\"" + socket.id() + "\"}");
        assertThat(raw.nextMessage()).startsWith("42/echo,[\"welcome\",");

        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("ping timeout");
        await().atMost(EchoNamespace.patience()).until(raw.closed::get);
        assertThat(fast.engine.openConnections()).isZero();
    }

    @Test
    void keepsAConnectionThatAnswersPingsAndAnswersTheClientsPing() throws Exception {
        SocketIoTestServer fast = serve(SocketIoTestServer.heartbeat(50, 10_000));
        RawEngineIoClient raw = raw(fast);
        raw.next();
        raw.send("40/echo,{\"token\":\"ok\"}");
        SocketIoSocket socket = echo.next();

        for (int pongs = 0; pongs < 3; ) {
            if (raw.next().equals("2")) {
                raw.send("3");
                pongs++;
            }
        }
        raw.send("2");
        while (!raw.next().equals("3")) {
            raw.send("3");
        }
        assertThat(socket.isConnected()).isTrue();
        assertThat(fast.engine.openConnections()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4garbage", "42/echo,[1]", "451-/echo,[\"file\",{\"_placeholder\":true,\"num\":0}]", "9"})
    void closesTheConnectionOnAMalformedOrBinaryPacket(String packet) throws Exception {
        RawEngineIoClient raw = joinedEcho();
        SocketIoSocket socket = echo.next();

        raw.send(packet);
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("parse error");
        await().atMost(EchoNamespace.patience()).until(raw.closed::get);
        assertThat(server.engine.openConnections()).isZero();
    }

    @Test
    void closesTheConnectionOnABinaryFrame() throws Exception {
        RawEngineIoClient raw = joinedEcho();
        SocketIoSocket socket = echo.next();

        raw.sendBinary(new byte[] {4, 1, 2});
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("parse error");
        await().atMost(EchoNamespace.patience()).until(raw.closed::get);
    }

    @Test
    void closedSocketsLearnOfTheTransportClosing() throws Exception {
        RawEngineIoClient raw = joinedEcho();
        SocketIoSocket socket = echo.next();

        raw.close();
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("transport close");
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    // ---- long-polling

    @Test
    void answersThePollingHandshakeLikeTheReferenceServer() throws Exception {
        HttpResponse<String> response = get(server, "EIO=4&transport=polling");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
        JsonNode open = json(response.body(), "0");
        assertThat(open.get("sid").asText()).isNotBlank();
        assertThat(open.get("upgrades")).containsExactly(mapper.readTree("\"websocket\""));
        assertThat(open.get("pingInterval").asInt()).isEqualTo(25_000);
        assertThat(open.get("pingTimeout").asInt()).isEqualTo(20_000);
        assertThat(open.get("maxPayload").asInt()).isEqualTo(1_000_000);
    }

    @Test
    void rejectsBadEngineIoRequestsWithTheReferenceErrors() throws Exception {
        assertError(get(server, "EIO=3&transport=polling"), 5, "Unsupported protocol version");
        assertError(get(server, "EIO=4&transport=carrier-pigeon"), 0, "Transport unknown");
        assertError(get(server, "EIO=4"), 0, "Transport unknown");
        assertError(get(server, "EIO=4&transport=polling&sid=unknown"), 1, "Session ID unknown");
        assertError(post(server, "EIO=4&transport=polling", "40"), 2, "Bad handshake method");
        assertError(get(server, "EIO=4&transport=websocket"), 3, "Bad request");
    }

    @Test
    void servesLongPollingSessionsByHand() throws Exception {
        String sid = handshake(server);
        String query = "EIO=4&transport=polling&sid=" + sid;

        assertThat(post(server, query, "40/echo,{\"token\":\"ok\"}").body()).isEqualTo("ok");
        SocketIoSocket socket = echo.next();
        assertThat(socket.handshake().getHeaders().getFirst("user-agent")).startsWith("Java-http-client");
        List<String> packets = poll(server, query, 2);
        assertThat(packets.get(0)).isEqualTo("40/echo,{\"sid\":\"" + socket.id() + "\"}");
        assertThat(packets.get(1)).startsWith("42/echo,[\"welcome\",");

        post(server, query, "42/echo,7[\"echo\",\"x\"]\u001e42/echo,8[\"silent\"]");
        assertThat(poll(server, query, 2)).containsExactly("43/echo,7[[\"x\"]]", "43/echo,8[]");

        post(server, query, "1");
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("transport close");
        assertError(get(server, query), 1, "Session ID unknown");
        assertThat(server.engine.openConnections()).isZero();
    }

    @Test
    void expiresAnAbandonedPollingSession() throws Exception {
        // what the agent's pre-flight leaves behind: a handshake, then nothing
        SocketIoTestServer fast = serve(SocketIoTestServer.heartbeat(100, 100));
        handshake(fast);
        assertThat(fast.engine.openConnections()).isEqualTo(1);
        await().atMost(EchoNamespace.patience()).until(() -> fast.engine.openConnections() == 0);
    }

    @Test
    void closesASessionPolledTwiceAtOnce() throws Exception {
        String query = "EIO=4&transport=polling&sid=" + handshake(server);

        CompletableFuture<HttpResponse<String>> first = getAsync(server, query);
        CompletableFuture<HttpResponse<String>> second = getAsync(server, query);
        List<HttpResponse<String>> answers = List.of(first.get(15, TimeUnit.SECONDS), second.get(15, TimeUnit.SECONDS));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).extracting(HttpResponse::body).containsExactly("1");
        assertThat(server.engine.openConnections()).isZero();
    }

    @Test
    void refusesPayloadsOverMaxPayload() throws Exception {
        SocketIoProperties defaults = SocketIoProperties.defaults();
        SocketIoTestServer strict = serve(new SocketIoProperties(defaults.pingInterval(), defaults.pingTimeout(), 100,
                defaults.outboundQueue()));
        String query = "EIO=4&transport=polling&sid=" + handshake(strict);
        assertThat(post(strict, query, "4" + "x".repeat(200)).statusCode()).isEqualTo(413);
        assertThat(strict.engine.openConnections()).isZero();

        RawEngineIoClient raw = raw(strict);
        raw.next();
        raw.send("4" + "x".repeat(200));
        await().atMost(EchoNamespace.patience()).until(raw.closed::get);
        await().atMost(EchoNamespace.patience()).until(() -> strict.engine.openConnections() == 0);
    }

    @Test
    void closesASlowConsumerWhenItsQueueIsFull() throws Exception {
        SocketIoTestServer small = serve(SocketIoTestServer.outboundQueue(8));
        post(small, "EIO=4&transport=polling&sid=" + handshake(small), "40/echo,{\"token\":\"ok\"}");
        SocketIoSocket socket = echo.next();

        // nobody polls: the CONNECT answer and the welcome wait in the queue, six more packets fit
        int accepted = 0;
        while (accepted < 100 && socket.emit("tick", accepted)) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(6);
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("slow consumer");
        assertThat(small.engine.openConnections()).isZero();
    }

    @Test
    void upgradesALongPollingSessionToWebSocketByHand() throws Exception {
        String sid = handshake(server);
        String query = "EIO=4&transport=polling&sid=" + sid;
        RawEngineIoClient raw = new RawEngineIoClient(server.webSocketUrl() + "&sid=" + sid);
        resources.add(raw);

        raw.send("2probe");
        assertThat(raw.next()).isEqualTo("3probe");
        assertThat(get(server, query).body()).isEqualTo("6");
        raw.send("5");
        raw.send("40/echo,{\"token\":\"ok\"}");
        SocketIoSocket socket = echo.next();
        assertThat(raw.nextMessage()).isEqualTo("40/echo,{\"sid\":\"" + socket.id() + "\"}");
        assertError(get(server, query), 3, "Bad request");
        assertThat(server.engine.openConnections()).isEqualTo(1);

        raw.close();
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("transport close");
        assertThat(server.engine.openConnections()).isZero();
    }

    @Test
    void javaClientWorksOverLongPollingAlone() throws Exception {
        Socket client = client("/echo", "ok", Polling.NAME);
        client.connect();
        SocketIoSocket socket = echo.next();

        assertThat(((JSONArray) ack(client, "echo", "polled")[0]).getString(0)).isEqualTo("polled");
        assertThat(((NamespaceSocket) socket).connection().transport()).isEqualTo(Transport.POLLING);
        client.disconnect();
        assertThat(socket.closed().block(EchoNamespace.patience())).isEqualTo("client namespace disconnect");
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    @Test
    void javaClientUpgradesFromLongPollingToWebSocket() throws Exception {
        Socket client = client("/echo", "ok", Polling.NAME, WebSocket.NAME);
        client.connect();
        SocketIoSocket socket = echo.next();

        EngineIoConnection connection = ((NamespaceSocket) socket).connection();
        await().atMost(EchoNamespace.patience()).until(() -> connection.transport() == Transport.WEBSOCKET);
        assertThat(((JSONArray) ack(client, "echo", "upgraded")[0]).getString(0)).isEqualTo("upgraded");
        client.disconnect();
        await().atMost(EchoNamespace.patience()).until(() -> server.engine.openConnections() == 0);
    }

    // ---- helpers

    private SocketIoTestServer serve(SocketIoProperties properties) {
        SocketIoTestServer started = new SocketIoTestServer(properties, echo, other);
        resources.add(started);
        return started;
    }

    private static IO.Options options(String token, String... transports) {
        return IO.Options.builder().setForceNew(true).setReconnection(false).setTransports(transports)
                .setAuth(Map.of("token", token)).build();
    }

    private Socket client(String namespace, String token, String... transports) {
        String[] chosen = transports.length == 0 ? new String[] {WebSocket.NAME} : transports;
        Socket socket = IO.socket(URI.create(server.url() + namespace), options(token, chosen));
        resources.add(socket::close);
        return socket;
    }

    private Socket connected(String namespace) {
        Socket client = client(namespace, "ok");
        BlockingQueue<Object[]> connects = events(client, Socket.EVENT_CONNECT);
        client.connect();
        take(connects);
        return client;
    }

    private RawEngineIoClient raw(SocketIoTestServer target) {
        RawEngineIoClient raw = new RawEngineIoClient(target.webSocketUrl());
        resources.add(raw);
        return raw;
    }

    /** A bare WebSocket that joined {@code /echo} and read the answers. */
    private RawEngineIoClient joinedEcho() throws InterruptedException {
        RawEngineIoClient raw = raw(server);
        raw.next();
        raw.send("40/echo,{\"token\":\"ok\"}");
        raw.nextMessage();
        raw.nextMessage();
        return raw;
    }

    private static BlockingQueue<Object[]> events(Socket socket, String event) {
        BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();
        socket.on(event, received::add);
        return received;
    }

    private static Object[] ack(Socket socket, String event, Object... args) {
        BlockingQueue<Object[]> acks = new LinkedBlockingQueue<>();
        socket.emit(event, args, (Ack) acks::add);
        return take(acks);
    }

    private static Object[] take(BlockingQueue<Object[]> queue) {
        try {
            Object[] item = queue.poll(15, TimeUnit.SECONDS);
            if (item == null) {
                throw new AssertionError("nothing arrived");
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonNode json(String packet, String prefix) throws Exception {
        assertThat(packet).startsWith(prefix);
        return mapper.readTree(packet.substring(prefix.length()));
    }

    private void assertError(HttpResponse<String> response, int code, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(response.body()))
                .isEqualTo(mapper.createObjectNode().put("code", code).put("message", message));
    }

    private String handshake(SocketIoTestServer target) throws Exception {
        return json(get(target, "EIO=4&transport=polling").body(), "0").get("sid").asText();
    }

    private HttpResponse<String> get(SocketIoTestServer target, String query) throws Exception {
        return getAsync(target, query).get(30, TimeUnit.SECONDS);
    }

    /** Polls until {@code count} packets other than pings and noops came. */
    private List<String> poll(SocketIoTestServer target, String query, int count) throws Exception {
        List<String> packets = new ArrayList<>();
        while (packets.size() < count) {
            HttpResponse<String> response = get(target, query);
            assertThat(response.statusCode()).isEqualTo(200);
            Arrays.stream(response.body().split("\u001e")).filter(p -> !p.equals("2") && !p.equals("6"))
                    .forEach(packets::add);
        }
        return packets;
    }

    private CompletableFuture<HttpResponse<String>> getAsync(SocketIoTestServer target, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url() + "/socket.io/?" + query)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(SocketIoTestServer target, String query, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url() + "/socket.io/?" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
