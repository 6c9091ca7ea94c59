package io.nodeplane.api.web;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * After a command, answer with the new state: re-read the read model until the projection shows the
 * change, for a bounded time. Projections apply events within milliseconds; the bound keeps a stalled
 * projection from hanging a request (the answer is then the last state read).
 */
public final class ReadYourWrites {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private ReadYourWrites() {
    }

    public static <T> Mono<T> await(Supplier<Mono<T>> read, Predicate<T> applied) {
        return Mono.defer(read).filter(applied)
                .repeatWhenEmpty(attempts -> attempts.concatMap(
                        n -> Mono.delay(Duration.ofMillis(Math.min(100, 5L << Math.min(n, 5))))))
                .timeout(BOUND, Mono.defer(read));
    }
}
