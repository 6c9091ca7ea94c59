package io.nodeplane.query.telemetry;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDv7-style ids: the first 48 bits are the Unix time in milliseconds, so rows inserted in time
 * order append to the right edge of the primary-key index, and "older than T" is a key range.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The smallest id of the given millisecond: every id created earlier sorts below it. */
    public static UUID lowerBound(long epochMillis) {
        return new UUID(epochMillis << 16, 0L);
    }
}
