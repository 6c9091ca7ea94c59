package io.nodeplane.api.realtime;

import io.nodeplane.api.platform.ServiceInfo;
import io.nodeplane.query.realtime.RealtimeBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * The instance's realtime bus (ARCHITECTURE, Realtime). A published change is rendered once, numbered in
 * its workspace's stream, remembered for resuming clients and offered to every subscriber that wants it.
 * Offering only queues (each subscriber has its own bounded buffer), so a slow subscriber never slows the
 * bus or the others: when its buffer is full it is removed and told it lost messages. Changes published
 * here are also relayed to other instances (Redis) and theirs arrive through {@link #deliverRelayed}.
 *
 * <p>Delivery is grouped: messages numbered within one short window ({@code nodeplane.realtime.batch-window},
 * 40 ms) reach each subscriber together, so a connection writes (and the kernel sends) once per window
 * rather than once per message. Under a burst that is the difference between a thousand subscribers costing
 * a write per message each and a write per window each; an idle bus schedules nothing.
 */
@Component
public class RealtimeHub implements RealtimeBus {

    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);

    private final RealtimePayloads payloads;
    private final RealtimeProperties properties;
    private final String instanceId;
    private final Map<UUID, WorkspaceStream> streams = new ConcurrentHashMap<>();
    private final List<RealtimeListener> listeners = new CopyOnWriteArrayList<>();
    private List<RealtimeMessage> pending = new ArrayList<>();
    private volatile Consumer<RelayedChange> relay = change -> { };
    private volatile BiConsumer<UUID, UUID> accessNarrowed = (userId, workspaceId) -> { };

    RealtimeHub(RealtimePayloads payloads, RealtimeProperties properties, ServiceInfo service) {
        this.payloads = payloads;
        this.properties = properties;
        this.instanceId = service.bootId();
    }

    /**
     * A change as it travels between instances: rendered, not yet numbered. Type {@link #ACCESS_NARROWED}
     * carries no message but {@link #accessNarrowed}: {@code entity} is the user id as a JSON string or
     * {@code null}, and {@code workspaceId} may be {@code null}.
     */
    public record RelayedChange(String type, UUID workspaceId, UUID nodeId, String sourceInstanceId, String entity) {
    }

    /** The relayed type of {@link #accessNarrowed}; never delivered to clients. */
    static final String ACCESS_NARROWED = "access.narrowed";

    @Override
    public void publish(String type, UUID workspaceId, UUID nodeId, Object entity) {
        String json;
        try {
            json = payloads.render(entity);
        } catch (RuntimeException e) {
            log.warn("Could not render a {} message: {}", type, e.toString());
            return;
        }
        RelayedChange change = new RelayedChange(type, workspaceId, nodeId, instanceId, json);
        deliver(change);
        relay.accept(change);
    }

    @Override
    public void accessNarrowed(UUID userId, UUID workspaceId) {
        accessNarrowed.accept(userId, workspaceId);
        relay.accept(new RelayedChange(ACCESS_NARROWED, workspaceId, null, instanceId,
                userId == null ? "null" : "\"" + userId + "\""));
    }

    /** Who re-checks open connections when access narrows (here or on another instance). */
    void onAccessNarrowed(BiConsumer<UUID, UUID> handler) {
        this.accessNarrowed = handler;
    }

    /** A change published by another instance; this instance's own changes are ignored (they came back). */
    public void deliverRelayed(RelayedChange change) {
        if (instanceId.equals(change.sourceInstanceId())) {
            return;
        }
        if (ACCESS_NARROWED.equals(change.type())) {
            String user = change.entity().replace("\"", "");
            accessNarrowed.accept(user.equals("null") ? null : UUID.fromString(user), change.workspaceId());
        } else {
            deliver(change);
        }
    }

    public String instanceId() {
        return instanceId;
    }

    void relayTo(Consumer<RelayedChange> relay) {
        this.relay = relay;
    }

    public void subscribe(RealtimeListener listener) {
        listeners.add(listener);
    }

    /**
     * Subscribes after first offering the workspace's messages after {@code lastSequence}, atomically, so
     * nothing falls between the replay and the live stream. Answers {@code false} when some of those
     * messages are no longer kept (the client must re-read what it shows).
     */
    synchronized boolean subscribeAfter(RealtimeListener listener, UUID workspaceId, long lastSequence) {
        // numbered messages still waiting for their round are in the replay buffer too: deliver them to the
        // current subscribers now, so the newcomer gets them once, from the replay
        flush();
        List<RealtimeMessage> missed = stream(workspaceId).after(lastSequence);
        if (missed != null && !offer(listener, missed)) {
            listener.overflowed();
            return false;
        }
        listeners.add(listener);
        return missed != null;
    }

    public void unsubscribe(RealtimeListener listener) {
        listeners.remove(listener);
    }

    // one lock orders numbering and offering: every subscriber sees a workspace's messages in sequence order
    private synchronized void deliver(RelayedChange c) {
        WorkspaceStream stream = stream(c.workspaceId());
        RealtimeMessage message = RealtimeMessage.of(c.type(), c.workspaceId(), c.nodeId(), stream.next(),
                c.sourceInstanceId(), c.entity());
        stream.remember(message);
        pending.add(message);
        if (pending.size() == 1) {
            Schedulers.parallel().schedule(this::flush, properties.batchWindow().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void flush() {
        if (pending.isEmpty()) {
            return; // delivered early by subscribeAfter
        }
        List<RealtimeMessage> round = pending;
        pending = new ArrayList<>();
        for (RealtimeListener listener : listeners) {
            if (!offer(listener, round)) {
                listeners.remove(listener);
                listener.overflowed();
            }
        }
    }

    /** Offers the messages of {@code round} the listener wants; {@code false} when it could not take them. */
    private static boolean offer(RealtimeListener listener, List<RealtimeMessage> round) {
        List<RealtimeMessage> wanted = null;
        for (int i = 0; i < round.size(); i++) {
            RealtimeMessage m = round.get(i);
            if (listener.wants(m)) {
                if (wanted == null) {
                    wanted = new ArrayList<>(round.size() - i);
                }
                wanted.add(m);
            }
        }
        return wanted == null || listener.offer(wanted);
    }

    private WorkspaceStream stream(UUID workspaceId) {
        return streams.computeIfAbsent(workspaceId,
                // wall time, not the application clock: numbering only has to rise across restarts
                id -> new WorkspaceStream(properties.replayBuffer(), System.currentTimeMillis()));
    }
}
