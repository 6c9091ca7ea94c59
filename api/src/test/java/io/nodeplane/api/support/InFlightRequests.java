package io.nodeplane.api.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The requests the server has received and not yet finished, for {@link DiagnoseTimeouts}: a request that
 * timed out in a test and is listed here was lost inside the server; one not listed never reached it, or was
 * answered and the client lost the answer.
 */
public class InFlightRequests implements WebFilter, Ordered {

    private final Map<Long, String> open = new ConcurrentHashMap<>();
    private final Map<Long, Long> started = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long id = ids.incrementAndGet();
        open.put(id, exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath());
        started.put(id, System.nanoTime());
        return chain.filter(exchange).doFinally(signal -> {
            open.remove(id);
            started.remove(id);
        });
    }

    /** Requests open for longer than {@code age}, with how long they have been open. */
    public List<String> olderThan(Duration age) {
        long now = System.nanoTime();
        return started.entrySet().stream().filter(e -> now - e.getValue() > age.toNanos())
                .map(e -> open.get(e.getKey()) + " (" + Duration.ofNanos(now - e.getValue()).toMillis() + " ms)")
                .toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
