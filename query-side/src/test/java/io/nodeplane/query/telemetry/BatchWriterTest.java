package io.nodeplane.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class BatchWriterTest {

    @Test
    void everySubmittedItemIsWrittenOnceInBoundedBatchesUnderConcurrency() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        // each write takes a millisecond on another thread, so submissions pile up behind it
        BatchWriter<Integer> writer = new BatchWriter<>("test", batch -> Mono.defer(() -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            batchSizes.add(batch.size());
            written.addAll(batch);
            return Mono.delay(Duration.ofMillis(1)).doOnNext(t -> concurrent.decrementAndGet()).then();
        }), 50, 100_000, 2);

        Flux.range(0, 20_000)
                .flatMap(i -> writer.submit(i).subscribeOn(Schedulers.parallel()), 512)
                .blockLast(Duration.ofSeconds(60));

        List<Integer> sorted = new ArrayList<>(written);
        Collections.sort(sorted);
        assertThat(sorted).isEqualTo(IntStream.range(0, 20_000).boxed().toList());
        assertThat(batchSizes).allMatch(n -> n >= 1 && n <= 50);
        assertThat(batchSizes.size()).isLessThan(20_000); // items waiting for a write went together
        assertThat(maxConcurrent.get()).isLessThanOrEqualTo(2);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aFailedWriteFailsItsItemsAndTheWriterGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        BatchWriter<String> writer = new BatchWriter<>("test", batch -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("disk full")) : Mono.empty(), 10, 100, 1);
        assertThatThrownBy(() -> writer.submit("a").block(Duration.ofSeconds(5))).hasMessage("disk full");
        writer.submit("b").block(Duration.ofSeconds(5));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aFullQueueShedsLoadInsteadOfGrowing() {
        BatchWriter<String> writer = new BatchWriter<>("test", batch -> Mono.never(), 1, 2, 1);
        writer.submit("in flight").subscribe();
        writer.submit("queued 1").subscribe();
        writer.submit("queued 2").subscribe();
        assertThatThrownBy(() -> writer.submit("one too many").block(Duration.ofSeconds(5)))
                .isInstanceOf(BatchWriter.OverloadedException.class);
    }
}
