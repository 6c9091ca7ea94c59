package io.nodeplane.query.support;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * PostgreSQL {@code LISTEN} on a connection of its own, reconnecting with back-off (0.2 s doubling to
 * 5 s) for as long as the returned {@link Disposable} lives. Notifications sent while nobody listened
 * are lost, so callers learn when listening starts and when it stops.
 */
public final class PgListener {

    private static final Logger log = LoggerFactory.getLogger(PgListener.class);

    private PgListener() {
    }

    /**
     * @param onListening    runs each time {@code LISTEN} is in place (after a start or a reconnect)
     * @param onLost         runs each time the connection ends (error, or the listener is disposed)
     * @param onNotification receives each notification's payload ({@code ""} when it has none)
     */
    public static Disposable listen(PostgresqlConnectionFactory connections, String channel, Runnable onListening,
                                    Runnable onLost, Consumer<String> onNotification) {
        return Flux.usingWhen(connections.create(), connection -> connection.createStatement("LISTEN " + channel)
                        .execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .thenMany(Mono.fromRunnable(onListening))
                        .thenMany(connection.getNotifications())
                        .doFinally(signal -> onLost.run()), PostgresqlConnection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Listener on {} lost its connection, reconnecting: {}", channel,
                                s.failure().toString())))
                .subscribe(n -> onNotification.accept(n.getParameter() == null ? "" : n.getParameter()));
    }
}
