package dev.bitbridge.trigger.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox in PostgreSQL ({@code build_outbox}, ADR 12), as its publisher sees it: the oldest records, taken in the
 * publisher's transaction. The records are written by {@link BuildStore#write}, with the transition they describe.
 */
@ApplicationScoped
public class OutboxStore {

    /**
     * The oldest records, removed: the rows stay locked, so no other replica takes them ({@code SKIP LOCKED}), and
     * stay in the table until the caller's transaction commits; rolled back, they are there to be sent again.
     */
    private static final String TAKE = """
            delete from build_outbox
            where id in (select id from build_outbox order by id limit $1 for update skip locked)
            returning *""";

    /**
     * Takes up to {@code limit} of the oldest records in the caller's transaction, which commits once Kafka has them,
     * or rolls back.
     *
     * @return the records, in the order they were written
     */
    public Uni<List<OutboxRecord>> take(SqlClient client, int limit) {
        return client.preparedQuery(TAKE).execute(Tuple.of(limit)).map(rows -> {
            List<OutboxRecord> records = new ArrayList<>();
            rows.forEach(row -> records.add(record(row)));
            records.sort(Comparator.comparing(OutboxRecord::id));
            return records;
        });
    }

    private static OutboxRecord record(Row row) {
        return new OutboxRecord(row.getLong("id"), row.getString("request_id"), row.getInteger("sequence"),
                row.getString("record_key"), row.getString("event_type"), row.getString("integration"),
                row.getString("subject"), row.getBuffer("payload").getBytes(), Timestamps.instant(row, "created_at"));
    }
}
