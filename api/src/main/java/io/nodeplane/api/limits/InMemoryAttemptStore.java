package io.nodeplane.api.limits;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The counters of a single instance (no Redis), and the fallback while Redis is unreachable. Each key holds
 * the sorted instants of its recent failures, at most {@code max} of them; {@link ConcurrentHashMap#compute}
 * makes every read-modify-write atomic per key without a lock held across calls.
 */
final class InMemoryAttemptStore implements AttemptStore {

    private static final long[] NONE = new long[0];
    /** Keys (one per address or account tried) are swept of expired entries every this many writes. */
    private static final int SWEEP_EVERY = 1024;

    private record Entries(long[] at, long expiresAt) {
    }

    private final Map<String, Entries> entries = new ConcurrentHashMap<>();
    private final Map<String, Long> notices = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    @Override
    public Mono<Long> retryAfterMillis(String key, int max, Duration window, long now) {
        return Mono.fromSupplier(() -> {
            Entries e = entries.get(key);
            return e == null ? 0L : retryAfter(e.at(), max, window.toMillis(), now);
        });
    }

    /** With {@code at} sorted: the entry whose expiry brings the count below {@code max} decides. */
    static long retryAfter(long[] at, int max, long window, long now) {
        int first = 0;
        while (first < at.length && at[first] <= now - window) {
            first++;
        }
        int live = at.length - first;
        return live < max ? 0L : Math.max(1L, at[first + live - max] + window - now);
    }

    @Override
    public Mono<Void> record(String key, int max, Duration window, long now) {
        return Mono.fromRunnable(() -> {
            long windowMillis = window.toMillis();
            entries.compute(key, (k, e) -> {
                long[] old = e == null ? NONE : Arrays.stream(e.at()).filter(t -> t > now - windowMillis).toArray();
                long[] at = Arrays.copyOf(old, old.length + 1);
                at[old.length] = now;
                Arrays.sort(at);
                at = at.length > max ? Arrays.copyOfRange(at, at.length - max, at.length) : at;
                return new Entries(at, at[at.length - 1] + windowMillis);
            });
            if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
                entries.values().removeIf(e -> e.expiresAt() <= now);
                notices.values().removeIf(until -> until <= now);
            }
        });
    }

    @Override
    public Mono<Void> clear(String key) {
        return Mono.fromRunnable(() -> entries.remove(key));
    }

    @Override
    public Mono<Boolean> firstNotice(String key, Duration ttl, long now) {
        return Mono.fromSupplier(() -> {
            boolean[] first = {false};
            notices.compute(key, (k, until) -> {
                if (until != null && until > now) {
                    return until;
                }
                first[0] = true;
                return now + ttl.toMillis();
            });
            return first[0];
        });
    }

    int keys() {
        return entries.size();
    }
}
