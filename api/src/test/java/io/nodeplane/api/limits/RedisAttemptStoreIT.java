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

    private long acquire(String key, Duration after) {
        return store.acquire(key, MAX, WINDOW, START + after.toMillis(), "id").block();
    }

    @Test
    void grantsUntilTheLimitThenAnswersWhenTheOldestSlotLeavesTheWindow() {
        assertThat(acquire("k", Duration.ZERO)).isZero();
        assertThat(acquire("k", Duration.ofMinutes(1))).isZero();
        assertThat(acquire("k", Duration.ofMinutes(2))).isZero();

        assertThat(acquire("k", Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(12).toMillis());
        assertThat(acquire("k", Duration.ofMinutes(15).minusMillis(1))).isEqualTo(1);
        assertThat(acquire("k", Duration.ofMinutes(15))).isZero();
        assertThat(acquire("k", Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(fallback.keys()).isZero(); // Redis answered every call
    }

    @Test
    void aReleasedSlotIsFreeAgain() {
        for (int minute = 0; minute < MAX; minute++) {
            acquire("k", Duration.ofMinutes(minute));
        }
        store.release("k", START + Duration.ofMinutes(1).toMillis(), "id").block();
        assertThat(acquire("k", Duration.ofMinutes(3))).isZero();
        assertThat(acquire("k", Duration.ofMinutes(4))).isEqualTo(Duration.ofMinutes(11).toMillis());
    }

    @Test
    void concurrentAttemptsNeverExceedTheLimitAndClearForgetsThem() {
        long granted = Flux.range(0, 400).flatMap(i -> store.acquire("busy", 50, WINDOW, START + i, "id" + i), 64)
                .filter(wait -> wait == 0).count().block();
        assertThat(granted).isEqualTo(50);
        store.clear("busy").block();
        assertThat(store.acquire("busy", 1, WINDOW, START + 400, "again").block()).isZero();
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
                down.acquire("k", MAX, WINDOW, START + i, "id" + i).block(Duration.ofSeconds(10));
            }
            assertThat(down.acquire("k", MAX, WINDOW, START + 3, "one-more").block(Duration.ofSeconds(10))).isPositive();
            assertThat(memory.keys()).isEqualTo(1);
        } finally {
            down.destroy();
        }
    }
}
