package io.nodeplane.query.support;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The application's R2DBC connections: requests and queries use the shared pool; the projections'
 * read-model writes ({@link #forWriters}) take connections from their own pool, served by their own I/O
 * threads, so they never queue behind the work of HTTP requests that share a busy event loop. Both
 * pools reach the same database, and a transaction started on this factory binds whichever connection
 * it got, so repositories need not know which pool serves them.
 */
public final class ReadModelConnections implements ConnectionFactory {

    private static final String WRITER = ReadModelConnections.class.getName() + ".writer";

    private final ConnectionFactory shared;
    private final ConnectionFactory writers;

    public ReadModelConnections(ConnectionFactory shared, ConnectionFactory writers) {
        this.shared = shared;
        this.writers = writers;
    }

    /** Runs {@code work} on the writers' connections. */
    public static <T> Mono<T> forWriters(Mono<T> work) {
        return work.contextWrite(context -> context.put(WRITER, Boolean.TRUE));
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.deferContextual(context -> Mono.from(context.hasKey(WRITER) ? writers.create() : shared.create()));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return shared.getMetadata();
    }
}
