package io.nodeplane.api.agent;

import io.nodeplane.command.task.TaskQueueSignal.Queued;
import io.nodeplane.command.task.TaskQueueSignal;
import io.nodeplane.query.support.PgListener;
import io.nodeplane.query.task.ClaimLookup;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Long-poll claims waiting for work, per node. A task queued for a node wakes that node's waiting
 * claims at once: in this process straight after the commit, from other instances through
 * PostgreSQL {@code LISTEN} ({@link TaskQueueSignal}). No timer polls the database.
 * <p>
 * Task ids woken in the last {@link #RECENT} are remembered per node: a claim that starts between a
 * task's commit and its projection still finds it, without waiting for the next wake. A node whose
 * lookup found nothing is remembered as empty until its next signal, so idle agents' claims cost no
 * query (see {@link #foundNothing}).
 */
@Component
public class ClaimWaiters implements SmartLifecycle {

    static final Duration RECENT = Duration.ofSeconds(10);
    /** An empty lookup is trusted at most this long, even without a signal (a safety net, not the mechanism). */
    static final Duration EMPTY_TTL = Duration.ofSeconds(5);
    private static final int RECENT_MAX = 64;

    /** One waiting claim; completes with the id of a task queued for its node. */
    public static final class Waiter {
        final UUID nodeId;
        final Sinks.One<Queued> woken = Sinks.one();

        Waiter(UUID nodeId) {
            this.nodeId = nodeId;
        }

        Mono<Queued> next() {
            return woken.asMono();
        }
    }

    private record Recent(UUID taskId, long at) {
    }

    private static final class Slot {
        final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
        final Deque<Recent> recent = new ArrayDeque<>();
    }

    private record Empty(long epoch, long at, ClaimLookup lookup) {
    }

    private final Map<UUID, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final Map<UUID, Long> lastSignal = new ConcurrentHashMap<>();
    private final Map<UUID, Empty> empty = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private final TaskQueueSignal signal;
    private final PostgresqlConnectionFactory listenerConnections;
    private volatile Disposable listener;

    ClaimWaiters(TaskQueueSignal signal, PostgresqlConnectionFactory listenerConnections) {
        this.signal = signal;
        this.listenerConnections = listenerConnections;
    }

    /** Registers a waiting claim; it must be {@link #release released} however it ends. */
    Waiter register(UUID nodeId) {
        Waiter waiter = new Waiter(nodeId);
        slots.compute(nodeId, (id, slot) -> {
            Slot s = slot == null ? new Slot() : slot;
            s.waiters.add(waiter);
            return s;
        });
        return waiter;
    }

    void release(Waiter waiter) {
        slots.computeIfPresent(waiter.nodeId, (id, slot) -> {
            slot.waiters.remove(waiter);
            prune(slot, System.nanoTime());
            return slot.waiters.isEmpty() && slot.recent.isEmpty() ? null : slot;
        });
    }

    /** Task ids queued for the node lately, oldest first (they may already be claimed). */
    List<UUID> recent(UUID nodeId) {
        List<UUID> ids = new ArrayList<>();
        slots.computeIfPresent(nodeId, (id, slot) -> {
            prune(slot, System.nanoTime());
            slot.recent.forEach(r -> ids.add(r.taskId()));
            return slot.waiters.isEmpty() && slot.recent.isEmpty() ? null : slot;
        });
        return ids;
    }

    /** The task is no longer claimable (claimed, cancelled, gone): stop offering it. */
    void forget(UUID nodeId, UUID taskId) {
        slots.computeIfPresent(nodeId, (id, slot) -> {
            slot.recent.removeIf(r -> r.taskId().equals(taskId));
            return slot.waiters.isEmpty() && slot.recent.isEmpty() ? null : slot;
        });
    }

    /** Claims currently waiting in this process (a closed connection must not leave one behind). */
    public int waiting() {
        return slots.values().stream().mapToInt(s -> s.waiters.size()).sum();
    }

    void wake(Queued queued) {
        UUID nodeId = queued.nodeId();
        UUID taskId = queued.taskId();
        lastSignal.put(nodeId, epoch.incrementAndGet());
        empty.remove(nodeId);
        List<Waiter> toWake = new ArrayList<>();
        slots.compute(nodeId, (id, slot) -> {
            Slot s = slot == null ? new Slot() : slot;
            long now = System.nanoTime();
            prune(s, now);
            if (taskId != null) {
                if (s.recent.size() >= RECENT_MAX) {
                    s.recent.removeFirst();
                }
                s.recent.addLast(new Recent(taskId, now));
            }
            toWake.addAll(s.waiters);
            return s.waiters.isEmpty() && s.recent.isEmpty() ? null : s;
        });
        toWake.forEach(w -> w.woken.tryEmitValue(queued));
    }

    /** The signal count before a lookup; see {@link #foundNothing}. */
    long epoch() {
        return epoch.get();
    }

    /**
     * A lookup that started at {@code startedAt} found no claimable task for the node: remember it, so
     * the node's next claims answer without the database until a signal for the node arrives (or
     * {@link #EMPTY_TTL} passes). Never while the cross-instance listener is down.
     */
    void foundNothing(UUID nodeId, long startedAt, ClaimLookup lookup) {
        Long last = lastSignal.get(nodeId);
        if (listening && (last == null || last <= startedAt)) {
            empty.put(nodeId, new Empty(startedAt, System.nanoTime(), lookup));
        }
    }

    /** The node's last empty lookup if it still holds, else {@code null}. */
    ClaimLookup knownEmpty(UUID nodeId) {
        Empty e = empty.get(nodeId);
        if (e == null) {
            return null;
        }
        Long last = lastSignal.get(nodeId);
        if (!listening || (last != null && last > e.epoch()) || System.nanoTime() - e.at() > EMPTY_TTL.toNanos()) {
            empty.remove(nodeId, e);
            return null;
        }
        return e.lookup();
    }

    private static void prune(Slot slot, long now) {
        while (!slot.recent.isEmpty() && now - slot.recent.peekFirst().at() > RECENT.toNanos()) {
            slot.recent.removeFirst();
        }
    }

    @Override
    public void start() {
        signal.subscribe(this::wake);
        listener = PgListener.listen(listenerConnections, TaskQueueSignal.CHANNEL, () -> listening = true,
                () -> listening = false, this::remote);
    }

    private void remote(String payload) {
        String[] parts = payload.split(":");
        if (parts.length == 4 && !parts[0].equals(signal.instanceId())) {
            wake(new Queued(UUID.fromString(parts[1]), parts[2].equals("-") ? null : UUID.fromString(parts[2]),
                    Boolean.parseBoolean(parts[3])));
        }
    }

    @Override
    public void stop() {
        listening = false;
        Disposable current = listener;
        if (current != null) {
            current.dispose();
        }
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
