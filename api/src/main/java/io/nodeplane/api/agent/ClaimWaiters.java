package io.nodeplane.api.agent;

import io.nodeplane.command.task.TaskQueueSignal;
import io.nodeplane.command.task.TaskQueueSignal.Queued;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Long-poll claims waiting for work, per node. A task queued for a node wakes that node's waiting
 * claims at once: in this process straight after the commit, from other instances through
 * PostgreSQL {@code LISTEN} ({@link TaskQueueSignal}). No timer polls the database.
 * <p>
 * Task ids woken in the last {@link #RECENT} are remembered per node: a claim that starts between a
 * task's commit and its projection still finds it, without waiting for the next wake.
 */
@Component
public class ClaimWaiters implements SmartLifecycle {

    static final Duration RECENT = Duration.ofSeconds(10);
    private static final int RECENT_MAX = 64;
    private static final Logger log = LoggerFactory.getLogger(ClaimWaiters.class);

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

    private final Map<UUID, Slot> slots = new ConcurrentHashMap<>();
    private final TaskQueueSignal signal;
    private final PostgresqlConnectionFactory listenerConnections;
    private volatile Disposable listening;

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
        List<Waiter> toWake = new ArrayList<>();
        slots.compute(nodeId, (id, slot) -> {
            Slot s = slot == null ? new Slot() : slot;
            long now = System.nanoTime();
            prune(s, now);
            if (s.recent.size() >= RECENT_MAX) {
                s.recent.removeFirst();
            }
            s.recent.addLast(new Recent(taskId, now));
            toWake.addAll(s.waiters);
            return s;
        });
        toWake.forEach(w -> w.woken.tryEmitValue(queued));
    }

    private static void prune(Slot slot, long now) {
        while (!slot.recent.isEmpty() && now - slot.recent.peekFirst().at() > RECENT.toNanos()) {
            slot.recent.removeFirst();
        }
    }

    @Override
    public void start() {
        signal.subscribe(this::wake);
        listening = Flux.usingWhen(listenerConnections.create(), this::listen, PostgresqlConnection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Task queue listener lost its connection, reconnecting: {}",
                                s.failure().toString())))
                .subscribe(this::remote);
    }

    private Flux<String> listen(PostgresqlConnection connection) {
        return connection.createStatement("LISTEN " + TaskQueueSignal.CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(connection.getNotifications())
                .mapNotNull(n -> n.getParameter());
    }

    private void remote(String payload) {
        String[] parts = payload.split(":");
        if (parts.length == 4 && !parts[0].equals(signal.instanceId())) {
            wake(new Queued(UUID.fromString(parts[1]), UUID.fromString(parts[2]), Boolean.parseBoolean(parts[3])));
        }
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
