package io.nodeplane.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sliding window of the single-instance store, on a fixed clock. */
class InMemoryAttemptStoreTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX = 3;

    private final InMemoryAttemptStore store = new InMemoryAttemptStore();
    private final Clock start = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private long at(Duration after) {
        return start.millis() + after.toMillis();
    }

    private long retryAfter(String key, Duration after) {
        return store.retryAfterMillis(key, MAX, WINDOW, at(after)).block();
    }

    private void fail(String key, Duration after) {
        store.record(key, MAX, WINDOW, at(after)).block();
    }

    @Test
    void allowsUntilTheLimitThenAnswersWhenTheOldestFailureLeavesTheWindow() {
        fail("k", Duration.ZERO);
        fail("k", Duration.ofMinutes(1));
        assertThat(retryAfter("k", Duration.ofMinutes(2))).isZero();
        fail("k", Duration.ofMinutes(2));

        assertThat(retryAfter("k", Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(12).toMillis());
        assertThat(retryAfter("k", Duration.ofMinutes(15).minusMillis(1))).isEqualTo(1);
        assertThat(retryAfter("k", Duration.ofMinutes(15))).isZero(); // the first failure has left the window
    }

    @Test
    void theWindowSlidesAFailureAtATime() {
        for (int minute = 0; minute < 5; minute++) {
            fail("k", Duration.ofMinutes(minute));
        }
        // five failures at minutes 0..4, three allowed: a slot frees when the third newest (minute 2) expires
        assertThat(retryAfter("k", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(12).toMillis());
        assertThat(retryAfter("k", Duration.ofMinutes(17))).isZero();
        fail("k", Duration.ofMinutes(17));
        assertThat(retryAfter("k", Duration.ofMinutes(17))).isEqualTo(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void keysAreIndependentAndClearForgetsOne() {
        for (int i = 0; i < MAX; i++) {
            fail("a", Duration.ofSeconds(i));
            fail("b", Duration.ofSeconds(i));
        }
        assertThat(retryAfter("c", Duration.ofSeconds(5))).isZero();
        store.clear("a").block();
        assertThat(retryAfter("a", Duration.ofSeconds(5))).isZero();
        assertThat(retryAfter("b", Duration.ofSeconds(5))).isPositive();
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
            fail("address-" + i, Duration.ZERO);
        }
        assertThat(store.keys()).isEqualTo(1023);
        fail("late", Duration.ofMinutes(16)); // the 1024th write sweeps what has left the window
        assertThat(store.keys()).isEqualTo(1);
    }
}
