package io.nodeplane.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The shared store against the real Redis, with the same fixed instants as {@link InMemoryAttemptStoreTest}:
 * both stores must agree. Keys live under a prefix of their own.
 */
class RedisAttemptStoreIT {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX = 3;
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final InMemoryAttemptStore fallback = new InMemoryAttemptStore();
    private final RedisAttemptStore store = new RedisAttemptStore(RedisURI.create("127.0.0.1",
            Integer.parseInt(System.getenv().getOrDefault("NODEPLANE_TEST_REDIS_PORT", "6379"))),
            "nodeplane:it:" + UUID.randomUUID() + ":", fallback);

    @AfterEach
    void close() {
        store.destroy();
    }

    private long retryAfter(String key, Duration after) {
        return store.retryAfterMillis(key, MAX, WINDOW, START + after.toMillis()).block();
    }

    private void fail(String key, Duration after) {
        store.record(key, MAX, WINDOW, START + after.toMillis()).block();
    }

    @Test
    void allowsUntilTheLimitThenAnswersWhenTheOldestFailureLeavesTheWindow() {
        fail("k", Duration.ZERO);
        fail("k", Duration.ofMinutes(1));
        assertThat(retryAfter("k", Duration.ofMinutes(2))).isZero();
        fail("k", Duration.ofMinutes(2));

        assertThat(retryAfter("k", Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(12).toMillis());
        assertThat(retryAfter("k", Duration.ofMinutes(15).minusMillis(1))).isEqualTo(1);
        assertThat(retryAfter("k", Duration.ofMinutes(15))).isZero();
        assertThat(fallback.keys()).isZero(); // Redis answered every call
    }

    @Test
    void theWindowSlidesAFailureAtATime() {
        for (int minute = 0; minute < 5; minute++) {
            fail("k", Duration.ofMinutes(minute));
        }
        assertThat(retryAfter("k", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(12).toMillis());
        assertThat(retryAfter("k", Duration.ofMinutes(17))).isZero();
        fail("k", Duration.ofMinutes(17));
        assertThat(retryAfter("k", Duration.ofMinutes(17))).isEqualTo(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void concurrentFailuresAreAllCountedAndClearForgetsThem() {
        int max = 1000;
        Flux.range(0, 200).flatMap(i -> store.record("busy", max, WINDOW, START + i), 64).blockLast();
        // 200 failures in the window: the 201st slot is free only with a limit above 200
        assertThat(store.retryAfterMillis("busy", 201, WINDOW, START + 200).block()).isZero();
        assertThat(store.retryAfterMillis("busy", 200, WINDOW, START + 200).block()).isPositive();
        store.clear("busy").block();
        assertThat(store.retryAfterMillis("busy", 1, WINDOW, START + 200).block()).isZero();
    }

    @Test
    void aLockOutIsNoticedOnce() {
        assertThat(store.firstNotice("k", Duration.ofMinutes(1), START).block()).isTrue();
        assertThat(store.firstNotice("k", Duration.ofMinutes(1), START).block()).isFalse();
        assertThat(store.firstNotice("other", Duration.ofMinutes(1), START).block()).isTrue();
    }

    @Test
    void anUnreachableRedisFallsBackToThisInstancesCounters() {
        InMemoryAttemptStore memory = new InMemoryAttemptStore();
        RedisAttemptStore down = new RedisAttemptStore(RedisURI.builder().withHost("127.0.0.1").withPort(1)
                .withTimeout(Duration.ofSeconds(1)).build(), "x:", memory);
        try {
            for (int i = 0; i < MAX; i++) {
                down.record("k", MAX, WINDOW, START + i).block(Duration.ofSeconds(10));
            }
            assertThat(down.retryAfterMillis("k", MAX, WINDOW, START + 3).block(Duration.ofSeconds(10))).isPositive();
            assertThat(memory.keys()).isEqualTo(1);
        } finally {
            down.destroy();
        }
    }
}
