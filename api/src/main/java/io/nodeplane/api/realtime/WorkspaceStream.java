package io.nodeplane.api.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's sequence and the last messages for resuming clients. Sequences start at the stream's
 * creation time in microseconds, so a restarted instance keeps numbering above what it sent before
 * (unless it sent more than a million messages a second). Not thread-safe: the hub serializes access.
 */
final class WorkspaceStream {

    private final int capacity;
    private final ArrayDeque<RealtimeMessage> recent;
    private long last;

    WorkspaceStream(int capacity, long startMillis) {
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(capacity);
        this.last = startMillis * 1000;
    }

    long next() {
        return ++last;
    }

    void remember(RealtimeMessage message) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(message);
    }

    /** The messages after {@code sequence}, or {@code null} when some of them are no longer kept. */
    List<RealtimeMessage> after(long sequence) {
        if (sequence == last) {
            return List.of();
        }
        if (sequence > last) {
            return null; // not a number of this stream (another instance's): what was missed is unknown
        }
        RealtimeMessage oldest = recent.peekFirst();
        if (oldest == null || oldest.sequence() > sequence + 1) {
            return null;
        }
        List<RealtimeMessage> missed = new ArrayList<>();
        for (RealtimeMessage m : recent) {
            if (m.sequence() > sequence) {
                missed.add(m);
            }
        }
        return missed;
    }
}
