package io.nodeplane.api.limits;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Sliding-window failure counters by key. Every operation is atomic per key and non-blocking; times are
 * epoch milliseconds from the application clock, passed in so that tests can move it.
 */
interface AttemptStore {

    /** Milliseconds until a slot frees when {@code key} already has {@code max} entries in the window, else 0. */
    Mono<Long> retryAfterMillis(String key, int max, Duration window, long now);

    /** Adds one entry at {@code now} (keeping at most {@code max} of them: older ones no longer matter). */
    Mono<Void> record(String key, int max, Duration window, long now);

    /** Forgets every entry of {@code key}. */
    Mono<Void> clear(String key);

    /** True for the first caller per {@code key} until {@code ttl} has passed: one audit event per lock-out. */
    Mono<Boolean> firstNotice(String key, Duration ttl, long now);
}
