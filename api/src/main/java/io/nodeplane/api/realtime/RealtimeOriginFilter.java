package io.nodeplane.api.realtime;

import io.nodeplane.api.web.ErrorResponses;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browsers send {@code Origin} on WebSocket and EventSource connections and do not apply CORS to
 * WebSockets, so a page on any site could open a socket with a victim's ticket or cookie-borne token.
 * Realtime connections from a browser are therefore only accepted from the dashboard's origin
 * ({@code WEB_APP_URL}), the configured {@code REALTIME_ALLOWED_ORIGINS} and this service's own origin.
 * Clients that send no {@code Origin} (agents, scripts) are not browsers and pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RealtimeOriginFilter implements WebFilter {

    private final Set<String> allowed = new LinkedHashSet<>();
    private final ErrorResponses errors;

    RealtimeOriginFilter(RealtimeProperties properties, ErrorResponses errors) {
        this.errors = errors;
        if (properties.webAppUrl() != null && !properties.webAppUrl().isBlank()) {
            allowed.add(origin(properties.webAppUrl()));
        }
        properties.allowedOrigins().stream().filter(o -> !o.isBlank()).map(RealtimeOriginFilter::origin).forEach(allowed::add);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null || !isRealtime(request.getPath().value()) || allows(origin, request)) {
            return chain.filter(exchange);
        }
        return errors.write(exchange, HttpStatus.FORBIDDEN, "ORIGIN_NOT_ALLOWED", "Origin " + origin
                + " may not open realtime connections; add it to WEB_APP_URL or REALTIME_ALLOWED_ORIGINS", null);
    }

    static boolean isRealtime(String path) {
        return path.startsWith("/socket.io/") || path.equals("/socket.io") || path.equals("/api/v1/ws")
                || path.startsWith("/api/v1/workspaces/") && path.endsWith("/stream");
    }

    private boolean allows(String origin, ServerHttpRequest request) {
        String normalized = origin(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        return host != null && (normalized.equals("http://" + host.toLowerCase(Locale.ROOT))
                || normalized.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    /** {@code scheme://host[:port]} in lower case, without a path or a trailing slash. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.trim().toLowerCase(Locale.ROOT);
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url.trim().toLowerCase(Locale.ROOT);
        }
    }
}
