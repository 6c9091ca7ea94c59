package io.nodeplane.projections.support;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Event handlers run on Axon's processor threads, where waiting for a reactive write is correct. */
public final class Blocking {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private Blocking() {
    }

    public static void await(Mono<?> write) {
        write.block(WRITE_TIMEOUT);
    }
}
