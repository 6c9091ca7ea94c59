package io.nodeplane.api.realtime.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The Socket.IO engine and its route {@code /socket.io/} (outside {@code /api/v1}; public, since namespaces
 * authenticate their clients themselves).
 */
@Configuration(proxyBeanMethods = false)
class SocketIoConfiguration {

    @Bean
    SocketIoServer socketIoServer(ObjectProvider<SocketIoNamespace> namespaces, SocketIoProperties properties,
                                  ObjectMapper mapper) {
        return new SocketIoServer(namespaces.orderedStream().toList(), properties, mapper);
    }

    @Bean
    RouterFunction<ServerResponse> socketIoRoutes(SocketIoServer server, SocketIoProperties properties) {
        return routes(server, properties);
    }

    /** The routes, also for serving the engine without a Spring context. */
    static RouterFunction<ServerResponse> routes(SocketIoServer server, SocketIoProperties properties) {
        // frames up to maxPayload, like the reference server's maxHttpBufferSize (Reactor Netty's default is 64 KiB)
        HandshakeWebSocketService webSockets = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(properties.maxPayload())));
        EngineIoHttpHandler handler = new EngineIoHttpHandler(server, webSockets);
        return RouterFunctions.route(RequestPredicates.path("/socket.io/").or(RequestPredicates.path("/socket.io")),
                handler::handle);
    }
}
