package io.nodeplane.api.realtime.socketio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The bounded queue of encoded Engine.IO packets waiting for one connection's transport. Any thread may offer
 * without blocking; one reader at a time takes them: a WebSocket's flux, or one long-polling GET.
 */
final class Outbox {

    private static final Runnable NOBODY = () -> { };

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    // called after each offer and on close, so the reader takes what is new
    private final AtomicReference<Runnable> reader = new AtomicReference<>(NOBODY);
    private final int capacity;
    private volatile boolean closed;

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /** Queues a packet; false when the outbox is closed or full. */
    boolean offer(String packet) {
        if (closed) {
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        queue.add(packet);
        reader.get().run();
        return true;
    }

    /**
     * Accepts no more packets. The queued ones are still delivered unless {@code discard}; {@code last}, when not
     * null, is delivered after them whatever the bound.
     */
    void close(boolean discard, String last) {
        closed = true;
        if (discard) {
            queue.clear();
        }
        if (last != null) {
            queue.add(last);
        }
        reader.get().run();
    }

    /** Lets the current reader look again (a waiting poll then returns at once, with what is queued). */
    void wakeReader() {
        reader.get().run();
    }

    /** The packets for a WebSocket, as fast as it asks for them; completes once closed and drained. */
    Flux<String> flux() {
        return Flux.create(sink -> {
            AtomicInteger work = new AtomicInteger();
            Runnable drain = () -> {
                // whoever comes first drains for everyone, so packets leave in queue order
                if (work.getAndIncrement() != 0) {
                    return;
                }
                int missed = 1;
                do {
                    String packet;
                    while (sink.requestedFromDownstream() > 0 && (packet = poll()) != null) {
                        sink.next(packet);
                    }
                    if (closed && queue.isEmpty()) {
                        sink.complete();
                    }
                    missed = work.addAndGet(-missed);
                } while (missed != 0);
            };
            reader.set(drain);
            sink.onRequest(n -> drain.run());
            sink.onDispose(() -> reader.compareAndSet(drain, NOBODY));
        });
    }

    /**
     * The packets for one long-polling GET: waits up to {@code wait} for the first one (not at all when
     * {@code wait} is zero), then takes all that are queued; an empty list when none came.
     */
    Mono<List<String>> take(Duration wait) {
        if (wait.isZero() || closed || !queue.isEmpty()) {
            return Mono.fromSupplier(this::pollAll);
        }
        Sinks.Empty<Void> woken = Sinks.empty();
        Runnable wake = woken::tryEmitEmpty;
        reader.set(wake);
        if (closed || !queue.isEmpty()) {
            // offered between the check above and setting the reader
            wake.run();
        }
        return woken.asMono().timeout(wait, Mono.empty())
                .then(Mono.fromSupplier(this::pollAll))
                .doFinally(signal -> reader.compareAndSet(wake, NOBODY));
    }

    private List<String> pollAll() {
        List<String> packets = new ArrayList<>();
        String packet;
        while ((packet = poll()) != null) {
            packets.add(packet);
        }
        return packets;
    }

    private String poll() {
        String packet = queue.poll();
        if (packet != null) {
            size.decrementAndGet();
        }
        return packet;
    }
}
