package io.nodeplane.api.realtime.socketio;

import io.nodeplane.api.realtime.socketio.EngineIoConnection.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.server.WebSocketService;
import reactor.core.publisher.Mono;

/**
 * {@code /socket.io/}: checks the Engine.IO query ({@code EIO=4}, {@code transport}, {@code sid}), then serves
 * the long-polling transport (handshake GET, waiting GET, POST) or hands the request to the WebSocket transport.
 * Errors are those of the reference server: 400 with {@code {"code":…,"message":…}}.
 */
final class EngineIoHttpHandler {

    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

    private final SocketIoServer server;
    private final WebSocketService webSockets;

    EngineIoHttpHandler(SocketIoServer server, WebSocketService webSockets) {
        this.server = server;
        this.webSockets = webSockets;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        String transport = request.queryParam("transport").orElse("");
        if (!transport.equals("polling") && !transport.equals("websocket")) {
            return error(0, "Transport unknown");
        }
        if (!"4".equals(request.queryParam("EIO").orElse(null))) {
            return error(5, "Unsupported protocol version");
        }
        String sid = request.queryParam("sid").orElse(null);
        EngineIoConnection connection = sid == null ? null : server.connection(sid);
        if (sid != null && connection == null) {
            return error(1, "Session ID unknown");
        }
        if (transport.equals("websocket")) {
            boolean upgradable = connection == null || connection.transport() == Transport.POLLING;
            if (!"websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE)) || !upgradable) {
                return error(3, "Bad request");
            }
            return webSockets.handleRequest(request.exchange(), new EngineIoWebSocketHandler(server, sid))
                    .then(Mono.empty());
        }
        if (connection == null) {
            return request.method() == HttpMethod.GET ? handshake(request) : error(2, "Bad handshake method");
        }
        if (connection.transport() == Transport.WEBSOCKET) {
            return error(3, "Bad request");
        }
        if (request.method() == HttpMethod.GET) {
            return connection.poll().flatMap(body -> text(body)).switchIfEmpty(Mono.defer(() -> error(3, "Bad request")));
        }
        return request.method() == HttpMethod.POST ? post(request, connection) : error(3, "Bad request");
    }

    private Mono<ServerResponse> handshake(ServerRequest request) {
        // the session outlives this request: keep a copy of its headers, not a view of them
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.headers().asHttpHeaders());
        HandshakeInfo handshake = new HandshakeInfo(request.uri(), HttpHeaders.readOnlyHttpHeaders(headers),
                request.exchange().getPrincipal(), null, request.remoteAddress().orElse(null), Map.of(),
                request.exchange().getLogPrefix());
        EngineIoConnection connection = server.open(handshake, Transport.POLLING);
        return text(EngineIoCodec.open(connection.sid(), true, server.properties()));
    }

    private Mono<ServerResponse> post(ServerRequest request, EngineIoConnection connection) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), server.properties().maxPayload())
                .map(buffer -> {
                    String body = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return body;
                })
                .defaultIfEmpty("")
                .flatMap(body -> receive(connection, body)
                        ? ServerResponse.ok().header(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").bodyValue("ok")
                        : error(3, "Bad request"))
                .onErrorResume(DataBufferLimitException.class, e -> {
                    connection.close(SocketIoCloseReasons.TRANSPORT_ERROR);
                    return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
                });
    }

    /** Handles the packets of a POST body; false when one was malformed (the connection is then closed). */
    private static boolean receive(EngineIoConnection connection, String body) {
        try {
            return EngineIoCodec.decodePayload(body).stream().allMatch(connection::receive);
        } catch (MalformedPacketException e) {
            connection.close(SocketIoCloseReasons.PARSE_ERROR);
            return false;
        }
    }

    private static Mono<ServerResponse> text(String body) {
        // the header as written, not re-formatted by MediaType ("text/plain;charset=UTF-8")
        return ServerResponse.ok().header(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN).bodyValue(body);
    }

    private static Mono<ServerResponse> error(int code, String message) {
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":" + code + ",\"message\":" + SocketIoCodec.quote(message) + "}");
    }
}
