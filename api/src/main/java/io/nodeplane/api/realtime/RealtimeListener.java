package io.nodeplane.api.realtime;

import java.util.List;

/** A subscriber of the hub: a transport's connection. Called under the hub's lock, so it must never block. */
public interface RealtimeListener {

    /** Whether this subscriber may and wants to receive the message (workspace scope, rooms, types). */
    boolean wants(RealtimeMessage message);

    /**
     * Queues the messages it wants of one delivery round, in sequence order; {@code false} when the
     * subscriber's bounded buffer is full.
     */
    boolean offer(List<RealtimeMessage> messages);

    /** The subscriber fell behind and was removed: it has lost messages and must be told or closed. */
    void overflowed();
}
