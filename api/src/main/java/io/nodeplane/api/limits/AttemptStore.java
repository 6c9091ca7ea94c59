package io.nodeplane.api.limits;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Sliding-window attempt counters by key. An attempt takes a slot before it is examined and gives it back
 * when it turns out not to be a failure: so concurrent attempts can never exceed the limit, however many
 * arrive at once. Every operation is atomic per key and non-blocking; times are epoch milliseconds from the
 * application clock, passed in so that tests can move it.
 */
interface AttemptStore {

    /**
     * Takes a slot at {@code now} named {@code id} when {@code key} has fewer than {@code max} entries in the
     * window, answering 0; else takes nothing and answers the milliseconds until a slot frees.
     */
    Mono<Long> acquire(String key, int max, Duration window, long now, String id);

    /** Gives back the slot taken at {@code at} as {@code id}. */
    Mono<Void> release(String key, long at, String id);

    /** Forgets every entry of {@code key}. */
    Mono<Void> clear(String key);

    /** True for the first caller per {@code key} until {@code ttl} has passed: one audit event per lock-out. */
    Mono<Boolean> firstNotice(String key, Duration ttl, long now);
}
