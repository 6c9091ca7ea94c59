package io.nodeplane.api.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rebuild of the read models on this instance: which processors it replays, which have been
 * restarted, when each one finished its replay (or why it could not be reset), and when all had.
 */
final class Rebuild {

    final UUID id;
    final Instant startedAt;
    final List<String> processors;
    final Set<String> restarted = ConcurrentHashMap.newKeySet();
    final Map<String, Instant> finished = new ConcurrentHashMap<>();
    final Map<String, String> failed = new ConcurrentHashMap<>();
    private volatile Instant finishedAt;

    Rebuild(UUID id, Instant startedAt, List<String> processors) {
        this.id = id;
        this.startedAt = startedAt;
        this.processors = List.copyOf(processors);
    }

    boolean running() {
        return finishedAt == null;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** The processor has finished its replay, or could not be reset. */
    boolean done(String processor) {
        return finished.containsKey(processor) || failed.containsKey(processor);
    }

    /** Once every processor has finished or failed, the rebuild is over; answers whether it is. */
    boolean finishIfDone(Instant now) {
        if (finishedAt == null && finished.size() + failed.size() >= processors.size()) {
            finishedAt = now;
        }
        return finishedAt != null;
    }

    /** Ends a rebuild that never got to its processors (its audit record could not be stored). */
    void abandon(Instant now, String error) {
        processors.forEach(p -> failed.putIfAbsent(p, error));
        finishedAt = now;
    }
}
