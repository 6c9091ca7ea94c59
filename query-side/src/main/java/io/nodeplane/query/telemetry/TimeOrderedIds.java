package io.nodeplane.query.telemetry;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDv7-style ids: the first 48 bits are the Unix time in milliseconds, so rows inserted in time
 * order append to the right edge of the primary-key index, and "older than T" is a key range.
 */
public final class TimeOrderedIds {

    private static final java.util.concurrent.atomic.AtomicLong LAST = new java.util.concurrent.atomic.AtomicLong();

    private TimeOrderedIds() {
    }

    public static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * An id strictly greater than every id this process made with {@code next()} before: ids of the
     * same millisecond count up (12 bits), so lines written in one burst keep their order.
     */
    public static UUID next() {
        long now = (System.currentTimeMillis() << 16) | 0x7000L;
        long msb = LAST.updateAndGet(prev -> {
            long candidate = prev + 1;
            if ((candidate & 0xF000L) != 0x7000L) {
                candidate = (((prev >>> 16) + 1) << 16) | 0x7000L; // 4096 ids in one millisecond: borrow the next
            }
            return Math.max(now, candidate);
        });
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The smallest id of the given millisecond: every id created earlier sorts below it. */
    public static UUID lowerBound(long epochMillis) {
        return new UUID(epochMillis << 16, 0L);
    }
}
