package io.nodeplane.api.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** The plain WebSocket endpoint (authenticated by the security chain like any API route). */
@Configuration(proxyBeanMethods = false)
class RealtimeRoutes {

    @Bean
    HandlerMapping realtimeWebSocketMapping(RealtimeHub hub, RealtimeAccess access, RealtimeSessions sessions,
                                            RealtimeProperties properties, ObjectMapper mapper) {
        return new SimpleUrlHandlerMapping(Map.of("/api/v1/ws",
                new JsonWebSocketHandler(hub, access, sessions, properties, mapper)), Ordered.HIGHEST_PRECEDENCE);
    }
}
