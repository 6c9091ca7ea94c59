package io.nodeplane.api.web;

import io.nodeplane.api.config.NodeplaneProperties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id ({@code X-Correlation-Id}, echoed back; generated when absent
 * or malformed) and refuses a declared body larger than the limit before reading it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContextFilter implements WebFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String CORRELATION_ATTRIBUTE = "nodeplane.correlationId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final long maxBodyBytes;
    private final ErrorResponses errors;

    RequestContextFilter(NodeplaneProperties properties, ErrorResponses errors) {
        this.maxBodyBytes = properties.maxBodyBytes();
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        String correlationId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(CORRELATION_ATTRIBUTE, correlationId);
        exchange.getResponse().getHeaders().set(CORRELATION_HEADER, correlationId);
        if (exchange.getRequest().getHeaders().getContentLength() > maxBodyBytes) {
            return errors.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body is too large", null);
        }
        return chain.filter(exchange);
    }
}
