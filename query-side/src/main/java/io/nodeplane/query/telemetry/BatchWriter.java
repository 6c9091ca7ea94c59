package io.nodeplane.query.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Group commit for telemetry: callers submit one item and get a {@code Mono} that completes once the
 * item is durably written. Items arriving while a write is in flight wait and go together in the next
 * write, so batches grow with load and an idle system writes each item at once (no timer, no sleep).
 * A bounded queue sheds load with {@link OverloadedException} instead of growing without limit.
 */
public final class BatchWriter<T> {

    /** The queue is full: the caller should answer 503 and let the agent retry. */
    public static final class OverloadedException extends RuntimeException {
        OverloadedException(String name) {
            super(name + " writer is overloaded", null, false, false);
        }
    }

    private record Pending<T>(T item, MonoSink<Void> done) {
    }

    private final String name;
    private final Function<List<T>, Mono<Void>> write;
    private final int maxBatch;
    private final int maxQueued;
    private final int maxInFlight;
    private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    public BatchWriter(String name, Function<List<T>, Mono<Void>> write, int maxBatch, int maxQueued, int maxInFlight) {
        this.name = name;
        this.write = write;
        this.maxBatch = maxBatch;
        this.maxQueued = maxQueued;
        this.maxInFlight = maxInFlight;
    }

    /** Completes when the item is stored; errors when its batch failed or the writer is overloaded. */
    public Mono<Void> submit(T item) {
        return Mono.create(sink -> {
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                sink.error(new OverloadedException(name));
                return;
            }
            queue.offer(new Pending<>(item, sink));
            drain();
        });
    }

    /** Items waiting for a write (for metrics and tests). */
    public int queued() {
        return queued.get();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            int running = inFlight.get();
            if (running >= maxInFlight) {
                return; // the running write drains again when it ends
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending<T>> batch = new ArrayList<>(Math.min(maxBatch, Math.max(1, queued.get())));
            Pending<T> next;
            while (batch.size() < maxBatch && (next = queue.poll()) != null) {
                batch.add(next);
            }
            queued.addAndGet(-batch.size());
            if (batch.isEmpty()) {
                // an offer in progress is not visible yet; its producer calls drain() right after it
                inFlight.decrementAndGet();
                return;
            }
            List<T> items = new ArrayList<>(batch.size());
            batch.forEach(p -> items.add(p.item()));
            Mono.defer(() -> write.apply(items)).subscribe(null,
                    error -> finish(batch, error),
                    () -> finish(batch, null));
        }
    }

    private void finish(List<Pending<T>> batch, Throwable error) {
        inFlight.decrementAndGet();
        for (Pending<T> p : batch) {
            if (error == null) {
                p.done().success();
            } else {
                p.done().error(error);
            }
        }
        drain();
    }
}
