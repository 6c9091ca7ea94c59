package io.nodeplane.api.limits;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The counters of a single instance (no Redis), and the fallback while Redis is unreachable. Each key holds
 * the sorted instants of its slots in the window, never more than {@code max};
 * {@link ConcurrentHashMap#compute} makes every read-modify-write atomic per key.
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
    public Mono<Long> acquire(String key, int max, Duration window, long now, String id) {
        return Mono.fromSupplier(() -> {
            long windowMillis = window.toMillis();
            long[] wait = {0};
            entries.compute(key, (k, e) -> {
                long[] live = e == null ? NONE : Arrays.stream(e.at()).filter(t -> t > now - windowMillis).toArray();
                if (live.length >= max) {
                    wait[0] = Math.max(1L, live[live.length - max] + windowMillis - now);
                    return new Entries(live, live[live.length - 1] + windowMillis);
                }
                long[] at = Arrays.copyOf(live, live.length + 1);
                at[live.length] = now;
                Arrays.sort(at);
                return new Entries(at, at[at.length - 1] + windowMillis);
            });
            if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
                entries.values().removeIf(e -> e.expiresAt() <= now);
                notices.values().removeIf(until -> until <= now);
            }
            return wait[0];
        });
    }

    @Override
    public Mono<Void> release(String key, long at, String id) {
        return Mono.fromRunnable(() -> entries.computeIfPresent(key, (k, e) -> {
            int i = Arrays.binarySearch(e.at(), at);
            if (i < 0) {
                return e;
            }
            long[] rest = new long[e.at().length - 1];
            System.arraycopy(e.at(), 0, rest, 0, i);
            System.arraycopy(e.at(), i + 1, rest, i, rest.length - i);
            return rest.length == 0 ? null : new Entries(rest, e.expiresAt());
        }));
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
