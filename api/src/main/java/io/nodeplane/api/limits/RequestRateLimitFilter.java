package io.nodeplane.api.limits;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ErrorResponses;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The general tier: at most {@code requestsPerMinute} requests per signed-in user per minute (a fixed
 * one-minute window), else 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After}. It runs on every request,
 * so it is a map lookup in this process: no database, no Redis round trip, no event. With several instances
 * each counts its own share. Agents (their own credentials, their own routes) are never limited here.
 */
@Component
@Order(0) // after Spring Security (-100), whose authentication it reads
class RequestRateLimitFilter implements WebFilter {

    private static final long MINUTE = 60_000;
    private static final int SWEEP_AT = 10_000;
    private static final String[] EXEMPT = {
        "/api/v1/agent/", "/socket.io", "/api/v1/enrollments/", "/api/v1/node-installs/"
    };

    /** A user's window; mutated only inside {@link ConcurrentHashMap#compute}. */
    private static final class Window {
        long start;
        int count;
    }

    private final int limit;
    private final Clock clock;
    private final ErrorResponses errors;
    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    RequestRateLimitFilter(LimitProperties limits, Clock clock, ErrorResponses errors) {
        this.limit = limits.requestsPerMinute();
        this.clock = clock;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (limit == 0 || exempt(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof AuthenticatedUser u
                        ? hit(u.id(), clock.millis()) : 0L)
                .defaultIfEmpty(0L)
                .flatMap(wait -> wait == 0 ? chain.filter(exchange) : refuse(exchange, wait));
    }

    /** Counts a request; answers 0 when it is allowed, else the milliseconds until the window ends. */
    long hit(UUID user, long now) {
        // at most one sweep a minute: with more users than SWEEP_AT active, sweeping on every request
        // would walk the whole map on the hot path
        if (windows.size() > SWEEP_AT && now - lastSweep >= MINUTE) {
            lastSweep = now;
            windows.values().removeIf(w -> w.start + MINUTE <= now);
        }
        long[] wait = {0};
        windows.compute(user, (id, w) -> {
            Window window = w == null ? new Window() : w;
            if (w == null || now >= window.start + MINUTE || now < window.start) {
                window.start = now - now % MINUTE;
                window.count = 0;
            }
            if (window.count >= limit) {
                wait[0] = Math.max(1, window.start + MINUTE - now);
            } else {
                window.count++;
            }
            return window;
        });
        return wait[0];
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long waitMillis) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString((waitMillis + 999) / 1000));
        return errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                "Too many requests; slow down", null);
    }

    private static boolean exempt(String path) {
        for (String prefix : EXEMPT) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
