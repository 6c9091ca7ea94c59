package io.nodeplane.api.enrollment;

import io.nodeplane.api.agent.AgentProperties;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The API origin an agent on another machine can reach (contract §1.3 item 2): {@code AGENT_PUBLIC_API_URL}
 * unless it names an internal host, then the dashboard's {@code x-noderax-public-api-url} header, then
 * {@code x-forwarded-host/proto}, then the request's own {@code Host}.
 */
@Component
class PublicApiUrl {

    static final String HEADER = "x-noderax-public-api-url";
    private static final Set<String> INTERNAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "nginx",
            "api", "noderax-api", "nodeplane", "app", "backend", "host.docker.internal");

    private final AgentProperties properties;

    PublicApiUrl(AgentProperties properties) {
        this.properties = properties;
    }

    String resolve(ServerHttpRequest request) {
        String configured = properties.publicApiUrl();
        if (usable(configured)) {
            return trim(configured);
        }
        HttpHeaders headers = request.getHeaders();
        String fromDashboard = headers.getFirst(HEADER);
        if (usable(fromDashboard)) {
            return trim(fromDashboard);
        }
        String host = first(headers.getFirst("x-forwarded-host"));
        String proto = first(headers.getFirst("x-forwarded-proto"));
        if (host == null) {
            host = headers.getFirst(HttpHeaders.HOST);
        }
        if (proto == null) {
            proto = request.getURI().getScheme() == null ? "http" : request.getURI().getScheme();
        }
        if (host == null) {
            host = request.getURI().getAuthority();
        }
        return proto + "://" + host;
    }

    private static boolean usable(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return uri.getScheme() != null && uri.getHost() != null
                    && !INTERNAL.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String url) {
        String t = url.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.endsWith("/api/v1") ? t.substring(0, t.length() - "/api/v1".length()) : t;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].trim();
    }
}
