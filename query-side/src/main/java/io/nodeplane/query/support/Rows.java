package io.nodeplane.query.support;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Small helpers for reading R2DBC rows. */
public final class Rows {

    private Rows() {
    }

    /** A {@code timestamptz} column as an {@link Instant}, or {@code null}. */
    public static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static boolean bool(Readable row, String column) {
        return Boolean.TRUE.equals(row.get(column, Boolean.class));
    }
}
