package dev.bitbridge.trigger.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

/**
 * {@code timestamptz} columns as the reactive client reads and writes them ({@link OffsetDateTime}, in UTC) and as the
 * rows hold them ({@link Instant}). The client writes microseconds, as PostgreSQL keeps them: the rest is cut off.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** @return the value to bind for a {@code timestamptz} parameter; null for null */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** @return the column's instant, or null */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
