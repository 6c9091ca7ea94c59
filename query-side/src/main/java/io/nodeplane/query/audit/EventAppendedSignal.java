package io.nodeplane.query.audit;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * A hot signal that fires whenever a transaction that appended events commits, on any instance:
 * PostgreSQL {@code LISTEN nodeplane_events} (the event table's trigger sends the notification).
 */
@Component
public class EventAppendedSignal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventAppendedSignal.class);

    private final PostgresqlConnectionFactory listenerConnections;
    private final Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();
    private volatile Disposable listening;

    EventAppendedSignal(PostgresqlConnectionFactory listenerConnections) {
        this.listenerConnections = listenerConnections;
    }

    /** Ticks after commits that appended events; slow subscribers miss ticks, never block. */
    public Flux<Long> appended() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        listening = Flux.usingWhen(listenerConnections.create(), this::listen, PostgresqlConnection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Event notification listener lost its connection, reconnecting: {}",
                                s.failure().toString())))
                .subscribe(n -> sink.tryEmitNext(System.nanoTime()));
    }

    private Flux<?> listen(PostgresqlConnection connection) {
        return connection.createStatement("LISTEN nodeplane_events").execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(Mono.fromRunnable(() -> sink.tryEmitNext(System.nanoTime())))
                .thenMany(connection.getNotifications());
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
