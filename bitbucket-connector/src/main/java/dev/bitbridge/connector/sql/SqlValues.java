package dev.bitbridge.connector.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Values as the stores bind and read them with the reactive PostgreSQL client (ADR 15): {@code timestamptz} as
 * {@link OffsetDateTime} in UTC on the way in and {@link Instant} on the way out, and parameter lists that may hold
 * nulls ({@code Tuple.of} takes at most a few values).
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** @return the parameters, in order; nulls allowed */
    public static Tuple values(Object... values) {
        return Tuple.from(Arrays.asList(values));
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
