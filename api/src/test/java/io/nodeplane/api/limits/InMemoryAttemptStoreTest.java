package io.nodeplane.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The sliding window of the single-instance store, on a fixed clock. */
class InMemoryAttemptStoreTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX = 3;

    private final InMemoryAttemptStore store = new InMemoryAttemptStore();
    private final Clock start = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private long at(Duration after) {
        return start.millis() + after.toMillis();
    }

    private long acquire(String key, Duration after) {
        return store.acquire(key, MAX, WINDOW, at(after), "id").block();
    }

    @Test
    void grantsUntilTheLimitThenAnswersWhenTheOldestSlotLeavesTheWindow() {
        assertThat(acquire("k", Duration.ZERO)).isZero();
        assertThat(acquire("k", Duration.ofMinutes(1))).isZero();
        assertThat(acquire("k", Duration.ofMinutes(2))).isZero();

        assertThat(acquire("k", Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(12).toMillis());
        assertThat(acquire("k", Duration.ofMinutes(15).minusMillis(1))).isEqualTo(1);
        assertThat(acquire("k", Duration.ofMinutes(15))).isZero(); // the first slot has left the window
        assertThat(acquire("k", Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void aReleasedSlotIsFreeAgain() {
        for (int minute = 0; minute < MAX; minute++) {
            acquire("k", Duration.ofMinutes(minute));
        }
        store.release("k", at(Duration.ofMinutes(1)), "id").block();
        assertThat(acquire("k", Duration.ofMinutes(3))).isZero();
        // slots at minutes 0, 2 and 3: the one at minute 0 frees first
        assertThat(acquire("k", Duration.ofMinutes(4))).isEqualTo(Duration.ofMinutes(11).toMillis());
    }

    @Test
    void keysAreIndependentAndClearForgetsOne() {
        for (int i = 0; i < MAX; i++) {
            acquire("a", Duration.ofSeconds(i));
            acquire("b", Duration.ofSeconds(i));
        }
        store.clear("a").block();
        assertThat(acquire("a", Duration.ofSeconds(5))).isZero();
        assertThat(acquire("b", Duration.ofSeconds(5))).isPositive();
    }

    @Test
    void concurrentAttemptsNeverExceedTheLimit() {
        long granted = Flux.range(0, 400).parallel(8).runOn(Schedulers.parallel())
                .flatMap(i -> store.acquire("busy", 50, WINDOW, at(Duration.ofMillis(i)), "id" + i))
                .filter(wait -> wait == 0).sequential().count().block();
        assertThat(granted).isEqualTo(50);
    }

    @Test
    void aLockOutIsNoticedOncePerTtl() {
        assertThat(store.firstNotice("k", Duration.ofMinutes(1), at(Duration.ZERO)).block()).isTrue();
        assertThat(store.firstNotice("k", Duration.ofMinutes(1), at(Duration.ofSeconds(59))).block()).isFalse();
        assertThat(store.firstNotice("other", Duration.ofMinutes(1), at(Duration.ofSeconds(59))).block()).isTrue();
        assertThat(store.firstNotice("k", Duration.ofMinutes(1), at(Duration.ofMinutes(1))).block()).isTrue();
    }

    @Test
    void expiredKeysAreSweptSoManyAddressesCannotGrowTheStoreForever() {
        for (int i = 0; i < 1023; i++) {
            acquire("address-" + i, Duration.ZERO);
        }
        assertThat(store.keys()).isEqualTo(1023);
        acquire("late", Duration.ofMinutes(16)); // the 1024th write sweeps what has left the window
        assertThat(store.keys()).isEqualTo(1);
    }
}
