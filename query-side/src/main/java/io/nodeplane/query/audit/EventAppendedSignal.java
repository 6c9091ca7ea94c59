package io.nodeplane.query.audit;

import io.nodeplane.query.support.PgListener;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A hot signal that fires whenever a transaction that appended events commits, on any instance:
 * PostgreSQL {@code LISTEN nodeplane_events} (the event table's trigger sends the notification).
 */
@Component
public class EventAppendedSignal implements SmartLifecycle {


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
        // a tick once listening, too: appends while nobody listened must not go unnoticed
        listening = PgListener.listen(listenerConnections, "nodeplane_events", () -> sink.tryEmitNext(System.nanoTime()),
                () -> { }, payload -> sink.tryEmitNext(System.nanoTime()));
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
