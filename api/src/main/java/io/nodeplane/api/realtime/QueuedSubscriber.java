package io.nodeplane.api.realtime;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A hub subscriber read as a {@link Flux} of delivery rounds (SSE, WebSocket): rounds wait in a queue until
 * the connection takes them; when more than {@code capacity} messages wait, the subscriber is dropped and
 * its flux fails with {@link SlowSubscriberException}.
 */
final class QueuedSubscriber implements RealtimeListener {

    /** The subscriber could not keep up and lost messages. */
    static final class SlowSubscriberException extends RuntimeException {
        SlowSubscriberException() {
            super("The subscriber fell behind and was disconnected", null, false, false);
        }
    }

    private final Predicate<RealtimeMessage> filter;
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();
    // one producer at a time (the hub offers under its lock)
    private final Sinks.Many<List<RealtimeMessage>> sink = Sinks.many().unicast().onBackpressureBuffer();

    QueuedSubscriber(Predicate<RealtimeMessage> filter, int capacity) {
        this.filter = filter;
        this.capacity = capacity;
    }

    /** The rounds of messages, each in sequence order. */
    Flux<List<RealtimeMessage>> rounds() {
        return sink.asFlux().doOnNext(round -> waiting.addAndGet(-round.size()));
    }

    @Override
    public boolean wants(RealtimeMessage message) {
        return filter.test(message);
    }

    @Override
    public boolean offer(List<RealtimeMessage> messages) {
        if (waiting.addAndGet(messages.size()) > capacity) {
            return false;
        }
        return sink.tryEmitNext(messages).isSuccess();
    }

    @Override
    public void overflowed() {
        sink.tryEmitError(new SlowSubscriberException());
    }
}
