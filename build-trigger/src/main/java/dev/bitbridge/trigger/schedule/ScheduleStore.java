package dev.bitbridge.trigger.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import static dev.bitbridge.trigger.store.Timestamps.at;
import static dev.bitbridge.trigger.store.Timestamps.instant;

/**
 * The schedules in PostgreSQL ({@code build_schedule}, ADR 13): created, changed and deleted through the API, taken by
 * pollers with {@code FOR UPDATE SKIP LOCKED} and a lease, and moved past their slots under the row's lock. The
 * methods that take a {@link SqlClient} run on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class ScheduleStore {

    private static final String COLUMNS = """
            id, revision, integration, repository, flavor, branch, job, cron, time_zone, parameters, missed_slots,
            enabled, description, next_slot_at, due_at, attempts, last_slot_at, last_request_id, last_fired_at,
            last_error, last_error_slot, last_error_at, created_at, updated_at""";

    private static final String INSERT = "insert into build_schedule (" + COLUMNS + ")\n" + """
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                    $22, $23, $24)""";

    private static final String UPDATE = """
            update build_schedule set revision = $2, integration = $3, repository = $4, flavor = $5, branch = $6,
                job = $7, cron = $8, time_zone = $9, parameters = $10, missed_slots = $11, enabled = $12,
                description = $13, next_slot_at = $14, due_at = $15, attempts = $16, last_slot_at = $17,
                last_request_id = $18, last_fired_at = $19, last_error = $20, last_error_slot = $21,
                last_error_at = $22, created_at = $23, updated_at = $24
            where id = $1""";

    private static final String FIND = "select * from build_schedule where id = $1";

    private static final String LOCK = FIND + " for update";

    private static final String DELETE = "delete from build_schedule where id = $1";

    /**
     * Takes the due schedules, most overdue first, skipping those another replica holds, and leases each ($1) in the
     * same statement. Returns the rows as leased and when each was due.
     */
    private static final String CLAIM = """
            update build_schedule s set due_at = $1
            from (select id, due_at from build_schedule
                  where enabled and due_at <= $2
                  order by due_at
                  limit $3
                  for update skip locked) d
            where s.id = d.id
            returning s.*, d.due_at as was_due""";

    private final Pool pool;

    ScheduleStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new schedule. */
    public Uni<Void> insert(SqlClient client, ScheduleRow schedule) {
        return client.preparedQuery(INSERT).execute(values(schedule)).replaceWithVoid();
    }

    /** Writes a stored schedule's columns; the caller holds its lock ({@link #lock}). */
    public Uni<Void> update(SqlClient client, ScheduleRow schedule) {
        return client.preparedQuery(UPDATE).execute(values(schedule)).replaceWithVoid();
    }

    /** @return the schedule, or null */
    public Uni<ScheduleRow> find(SqlClient client, String id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(ScheduleStore::first);
    }

    /** @return the schedule, or null */
    public Uni<ScheduleRow> find(String id) {
        return find(pool, id);
    }

    /** @return the schedule, locked until the caller's transaction ends; null when there is none */
    public Uni<ScheduleRow> lock(SqlClient client, String id) {
        return client.preparedQuery(LOCK).execute(Tuple.of(id)).map(ScheduleStore::first);
    }

    public Uni<Void> delete(SqlClient client, String id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(id)).replaceWithVoid();
    }

    /**
     * @param integration only its schedules, when not null; likewise {@code repository}, and {@code after} (only the
     *        ids after it)
     * @return up to {@code limit} schedules, by id
     */
    public Uni<List<ScheduleRow>> list(String integration, String repository, String after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (integration != null) {
            values.add(integration);
            where.add("integration = $" + values.size());
        }
        if (repository != null) {
            values.add(repository);
            where.add("repository = $" + values.size());
        }
        if (after != null) {
            values.add(after);
            where.add("id > $" + values.size());
        }
        values.add(limit);
        String sql = "select * from build_schedule" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by id limit $" + values.size();
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(ScheduleStore::all);
    }

    /**
     * Takes up to {@code limit} schedules due at {@code now} and leases them until {@code until} (see {@link #CLAIM});
     * one statement, so replicas never take the same one.
     *
     * @param until the lease, truncated to microseconds as PostgreSQL keeps it
     * @return the schedules as leased, the most overdue first
     */
    public Uni<List<ScheduleRow>> claim(Instant now, Instant until, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(at(until), at(now), limit)).map(rows -> {
            List<Row> taken = new ArrayList<>();
            rows.forEach(taken::add);
            taken.sort(Comparator.comparing((Row row) -> row.getOffsetDateTime("was_due"))
                    .thenComparing(row -> row.getString("id")));
            return taken.stream().map(ScheduleStore::schedule).toList();
        });
    }

    private static Tuple values(ScheduleRow s) {
        return Tuple.from(java.util.Arrays.<Object> asList(s.id, s.revision, s.integration, s.repository, s.flavor,
                s.branch, s.job, s.cron, s.timeZone, s.parameters, s.missedSlots, s.enabled, s.description,
                at(s.nextSlotAt), at(s.dueAt), s.attempts, at(s.lastSlotAt), s.lastRequestId, at(s.lastFiredAt),
                s.lastError, at(s.lastErrorSlot), at(s.lastErrorAt), at(s.createdAt), at(s.updatedAt)));
    }

    private static ScheduleRow first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : schedule(rows.iterator().next());
    }

    private static List<ScheduleRow> all(RowSet<Row> rows) {
        List<ScheduleRow> schedules = new ArrayList<>();
        rows.forEach(row -> schedules.add(schedule(row)));
        return schedules;
    }

    private static ScheduleRow schedule(Row row) {
        ScheduleRow s = new ScheduleRow();
        s.id = row.getString("id");
        s.revision = row.getInteger("revision");
        s.integration = row.getString("integration");
        s.repository = row.getString("repository");
        s.flavor = row.getString("flavor");
        s.branch = row.getString("branch");
        s.job = row.getString("job");
        s.cron = row.getString("cron");
        s.timeZone = row.getString("time_zone");
        s.parameters = row.getString("parameters");
        s.missedSlots = row.getString("missed_slots");
        s.enabled = row.getBoolean("enabled");
        s.description = row.getString("description");
        s.nextSlotAt = instant(row, "next_slot_at");
        s.dueAt = instant(row, "due_at");
        s.attempts = row.getInteger("attempts");
        s.lastSlotAt = instant(row, "last_slot_at");
        s.lastRequestId = row.getString("last_request_id");
        s.lastFiredAt = instant(row, "last_fired_at");
        s.lastError = row.getString("last_error");
        s.lastErrorSlot = instant(row, "last_error_slot");
        s.lastErrorAt = instant(row, "last_error_at");
        s.createdAt = instant(row, "created_at");
        s.updatedAt = instant(row, "updated_at");
        return s;
    }
}
