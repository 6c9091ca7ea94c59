package io.nodeplane.projections.support;

import io.nodeplane.query.support.ReadModelConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 */
public final class ProjectionWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ProjectionWrites.class.getName();
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

        void flush() {
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
    }
}
