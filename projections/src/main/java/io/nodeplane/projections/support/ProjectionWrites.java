package io.nodeplane.projections.support;

import io.nodeplane.query.support.ReadModelConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The writes of the projections. Inside a processor's batch, the writes its handlers ask for are
 * collected and run when the batch commits: in handling order, in one read-model transaction, on the
 * writers' own connections ({@link ReadModelConnections}). A batch of up to 100 events (a slice of a
 * team run over a large fleet) then costs one connection and one commit instead of 100, and a read
 * model never shows half a batch. When the write fails, the batch fails: its token is not stored and
 * the processor handles it again (every write is idempotent). Outside a batch (a reset handler, a
 * test) a write runs at once.
 *
 * <p>Live clients learn of a change only after it is stored: {@link #changed} collects the keys of the
 * rows a batch touched, and once its transaction has committed each {@link Announcer} reads them back
 * and publishes them on the realtime bus. A replay announces nothing (its events are history).
 */
public final class ProjectionWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ProjectionWrites.class.getName();
    private static final Logger log = LoggerFactory.getLogger(ProjectionWrites.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TransactionalOperator transactions;
    private final DatabaseClient db;

    ProjectionWrites(TransactionalOperator transactions, DatabaseClient db) {
        this.transactions = transactions;
        this.db = db;
    }

    /** Runs {@code write} with the current batch, or at once when there is none. */
    public static void write(Mono<?> write) {
        if (CurrentUnitOfWork.isStarted()) {
            Batch batch = CurrentUnitOfWork.get().getResource(RESOURCE);
            if (batch != null) {
                batch.writes.add(write);
                return;
            }
        }
        write.block(TIMEOUT);
    }

    /** Reads back the rows with the given keys, once stored, and publishes them. */
    @FunctionalInterface
    public interface Announcer<K> {
        Mono<Void> announce(Collection<K> keys);
    }

    /**
     * Announces the row with {@code key} after the current batch commits (once per key and batch, with
     * the state it then has). Does nothing during a replay or outside a batch.
     */
    public static <K> void changed(Announcer<K> announcer, K key) {
        if (!CurrentUnitOfWork.isStarted() || ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage())) {
            return;
        }
        Batch batch = CurrentUnitOfWork.get().getResource(RESOURCE);
        if (batch != null) {
            batch.changes.computeIfAbsent(announcer, a -> new LinkedHashSet<>()).add(key);
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // the processor's batch (nested in a command's unit of work for a subscribing processor)
        unitOfWork.resources().computeIfAbsent(RESOURCE, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
        return chain.proceed();
    }

    private final class Batch {

        private final List<Mono<?>> writes = new ArrayList<>();
        private final Map<Announcer<?>, Set<Object>> changes = new LinkedHashMap<>();

        void flush() {
            store();
            announce();
        }

        private void store() {
            if (writes.isEmpty()) {
                return;
            }
            // read models are rebuilt from the event store, and the token commits after this with the
            // same relaxed durability, so a crash can only make the processor handle the batch again
            List<Mono<?>> pending = List.copyOf(writes);
            writes.clear();
            Mono<Void> all = db.sql("SET LOCAL synchronous_commit TO OFF").then()
                    .then(Flux.concat(pending).then());
            ReadModelConnections.forWriters(transactions.transactional(all)).block(TIMEOUT);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void announce() {
            if (changes.isEmpty()) {
                return;
            }
            Map<Announcer<?>, Set<Object>> pending = new LinkedHashMap<>(changes);
            changes.clear();
            Mono<Void> all = Flux.fromIterable(pending.entrySet())
                    .concatMap(e -> ((Announcer) e.getKey()).announce(e.getValue())).then();
            try {
                ReadModelConnections.forWriters(all).block(TIMEOUT);
            } catch (RuntimeException e) {
                // the change is stored: failing the batch would only store it again; clients re-read on reconnect
                log.warn("Could not announce {} kinds of changes: {}", pending.size(), e.toString());
            }
        }
    }
}
