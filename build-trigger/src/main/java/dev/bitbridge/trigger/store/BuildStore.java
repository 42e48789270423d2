package dev.bitbridge.trigger.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import static dev.bitbridge.trigger.store.Timestamps.at;
import static dev.bitbridge.trigger.store.Timestamps.instant;

/**
 * The builds in PostgreSQL ({@code build}, ADR 12): stored once per request, taken by dispatchers with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, changed under the row's lock together with the
 * {@code bitbridge.builds.v1} records of their transitions ({@code build_outbox}, which {@link OutboxStore} sends). The
 * methods that take a {@link SqlClient} run on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class BuildStore {

    private static final String INSERT = """
            insert into build (request_id, business_key, request, integration, repository, commit_hash, status_key,
                               state, attempts, next_action_at, sequence, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, 'PENDING', 0, $8, 0, $8, $8)
            on conflict do nothing""";

    private static final String FIND = "select * from build where request_id = $1";

    private static final String LOCK = FIND + " for update";

    /**
     * Takes the due builds, oldest first, skipping those another replica holds, and leases each in the same statement:
     * the action is decided here (a cancel asked for and not sent first: never posted once cancelled), a pending
     * build is marked DISPATCHING with the attempt's time before anything is posted (the intent of ADR 12), and its
     * next action is pushed to the lease ($3 for a cancel, which may take more calls, $2 otherwise). Returns the rows
     * as leased, the action and when each was due.
     */
    private static final String CLAIM = """
            update build b set
                state = case when d.action = 'DISPATCH' then 'DISPATCHING' else b.state end,
                dispatch_started_at = case when d.action = 'DISPATCH' then $1::timestamptz
                                           else b.dispatch_started_at end,
                attempts = case when d.action = 'DISPATCH' then b.attempts + 1 else b.attempts end,
                next_action_at = case when d.action = 'CANCEL' then $3::timestamptz else $2::timestamptz end,
                leased_until = case when d.action = 'CANCEL' then $3::timestamptz else $2::timestamptz end,
                updated_at = $1::timestamptz
            from (select request_id, next_action_at as was_due,
                         case when cancel_requested_by is not null and cancel_sent_at is null then 'CANCEL'
                              when state = 'PENDING' then 'DISPATCH'
                              when state = 'DISPATCHING' then 'RECOVER'
                              else 'FOLLOW' end as action
                  from build
                  where state in ('PENDING', 'DISPATCHING', 'QUEUED', 'INPROGRESS') and next_action_at <= $1
                  order by next_action_at
                  limit $4
                  for update skip locked) d
            where b.request_id = d.request_id
            returning b.*, d.action, d.was_due""";

    /**
     * The columns a dispatcher's outcome changes, $2 to $20 (with the row's id as $1): what {@link #changedColumns}
     * gives, in this order.
     */
    private static final String CHANGED_COLUMNS = """
            update build set job = $2, status_key = $3, state = $4, jenkins_url = $5, job_url = $6, queue_id = $7,
                build_number = $8, build_url = $9, result = $10, duration_ms = $11, reason = $12, attempts = $13,
                next_action_at = $14, dispatch_started_at = $15, not_found_at = $16, give_up_at = $17, sequence = $18,
                leased_until = $19, updated_at = $20""";

    private static final String SET = CHANGED_COLUMNS + ",\n    cancel_requested_by = $21, cancel_requested_at = $22,"
            + " cancel_sent_at = $23, cancel_problem = $24\nwhere request_id = $1";

    /** @return the insert of the records of a row's transitions, given as arrays from parameter {@code $first} on */
    private static String records(int first) {
        String[] types = { "text", "int4", "text", "text", "text", "text", "bytea", "timestamptz" };
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            arrays.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(types[i]).append("[]");
        }
        return """
                insert into build_outbox (request_id, sequence, record_key, event_type, integration, subject, payload,
                                          created_at)
                select * from unnest(%s)""".formatted(arrays);
    }

    /** The row's change and the records of its transitions, in one statement. */
    private static final String SET_AND_RECORD = "with changed as (" + SET + ")\n" + records(25);

    /**
     * The same change without a lock taken first: written only while the row is still as the dispatcher leased it —
     * the lease ($21, the row's next action time) unchanged, so no other replica took it over, and no cancel asked for
     * meanwhile ({@code BuildCancels} writes only the cancel columns of a leased row, which this statement leaves
     * alone). A row locked by a cancel being recorded is written once that commits, and then no longer matches.
     */
    private static final String SET_IF_LEASED = CHANGED_COLUMNS
            + "\nwhere request_id = $1 and next_action_at = $21 and cancel_requested_by is null";

    /** The same with the records of its transitions, written only if the row was. */
    private static final String SET_IF_LEASED_AND_RECORD = "with changed as (" + SET_IF_LEASED
            + " returning request_id)\n" + records(22) + "\nwhere exists (select 1 from changed)";

    private static final String NEWEST = " order by created_at desc, request_id limit ";

    /** A build as a dispatcher took it. */
    public record Taken(BuildRow build, String action) {
    }

    private final Pool pool;

    BuildStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a new request as PENDING, due now.
     *
     * @param businessKey null for a request that is never a duplicate of another (a person's)
     * @return whether it was stored; false when its id or its business key is stored already
     */
    public Uni<Boolean> insert(SqlClient client, String requestId, String businessKey, String json,
            String integration, String repository, String commit, String statusKey, Instant now) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(java.util.Arrays.<Object> asList(requestId, businessKey, json, integration,
                        repository, commit, statusKey, at(now))))
                .map(rows -> rows.rowCount() > 0);
    }

    /** @return the build, or null */
    public Uni<BuildRow> find(String requestId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(requestId)).map(BuildStore::first);
    }

    /** @return the build, locked until the caller's transaction ends; null when there is none */
    public Uni<BuildRow> lock(SqlClient client, String requestId) {
        return client.preparedQuery(LOCK).execute(Tuple.of(requestId)).map(BuildStore::first);
    }

    /**
     * Takes up to {@code limit} builds due at {@code now} and leases them (see {@link #CLAIM}); one statement, so
     * replicas never take the same row.
     *
     * @param lease the next action time of a taken build (truncated to microseconds, as PostgreSQL keeps it)
     * @param cancelLease the same for a build taken to be cancelled
     * @return the builds as leased, the most overdue first, with their action: {@code DISPATCH}, {@code RECOVER},
     *         {@code FOLLOW} or {@code CANCEL}
     */
    public Uni<List<Taken>> claim(Instant now, Instant lease, Instant cancelLease, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(at(now), at(lease), at(cancelLease), limit)).map(rows -> {
            List<Row> taken = new ArrayList<>();
            rows.forEach(taken::add);
            taken.sort(Comparator.comparing((Row row) -> row.getOffsetDateTime("was_due"))
                    .thenComparing(row -> row.getString("request_id")));
            return taken.stream().map(row -> new Taken(build(row), row.getString("action"))).toList();
        });
    }

    /**
     * Writes the row's changed columns and the records of its transitions, in one statement on the caller's
     * connection: the caller holds the row's lock ({@link #lock}) and commits both together.
     */
    public Uni<Void> write(SqlClient client, BuildRow row, List<OutboxRecord> records) {
        List<Object> values = changedColumns(row);
        values.addAll(java.util.Arrays.asList(row.cancelRequestedBy, at(row.cancelRequestedAt), at(row.cancelSentAt),
                row.cancelProblem));
        if (records.isEmpty()) {
            return client.preparedQuery(SET).execute(Tuple.from(values)).replaceWithVoid();
        }
        values.addAll(recordColumns(records));
        return client.preparedQuery(SET_AND_RECORD).execute(Tuple.from(values)).replaceWithVoid();
    }

    /** @return the row's id and the columns of {@link #CHANGED_COLUMNS}, in its order */
    private static List<Object> changedColumns(BuildRow row) {
        return new ArrayList<>(java.util.Arrays.asList(row.requestId, row.job, row.statusKey, row.state,
                row.jenkinsUrl, row.jobUrl, row.queueId, row.buildNumber, row.buildUrl, row.result, row.durationMs,
                row.reason, row.attempts, at(row.nextActionAt), at(row.dispatchStartedAt), at(row.notFoundAt),
                at(row.giveUpAt), row.sequence, at(row.leasedUntil), at(row.updatedAt)));
    }

    /** @return the records' columns, each as an array, in the order of {@link #records}' parameters */
    private static List<Object> recordColumns(List<OutboxRecord> records) {
        int n = records.size();
        String[] requestIds = new String[n];
        Integer[] sequences = new Integer[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] integrations = new String[n];
        String[] subjects = new String[n];
        Buffer[] payloads = new Buffer[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutboxRecord record = records.get(i);
            requestIds[i] = record.requestId();
            sequences[i] = record.sequence();
            keys[i] = record.recordKey();
            types[i] = record.eventType();
            integrations[i] = record.integration();
            subjects[i] = record.subject();
            payloads[i] = Buffer.buffer(record.payload());
            created[i] = at(record.createdAt());
        }
        return List.of(requestIds, sequences, keys, types, integrations, subjects, payloads, created);
    }

    /**
     * Writes the row's changed columns and the records of its transitions in one statement, without a lock taken
     * first, if the row is still as leased (see {@link #SET_IF_LEASED}); the cancel columns are left as they are.
     *
     * @param lease the row's next action time when it was leased
     * @return whether it was written; false when the lease was lost or a cancel was asked for meanwhile (then the
     *         caller reads the row under its lock and decides again)
     */
    public Uni<Boolean> writeIfLeased(BuildRow row, Instant lease, List<OutboxRecord> records) {
        List<Object> values = changedColumns(row);
        values.add(at(lease));
        if (records.isEmpty()) {
            return pool.preparedQuery(SET_IF_LEASED).execute(Tuple.from(values)).map(rows -> rows.rowCount() > 0);
        }
        values.addAll(recordColumns(records));
        return pool.preparedQuery(SET_IF_LEASED_AND_RECORD).execute(Tuple.from(values))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * @param integration only its builds, when not null; likewise {@code repository} (a full name) and {@code state}
     * @return the newest builds first (then by id), at most {@code limit}
     */
    public Uni<List<BuildRow>> newest(String integration, String repository, String state, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        condition("integration", integration, where, values);
        condition("repository", repository, where, values);
        condition("state", state, where, values);
        values.add(limit);
        String sql = "select * from build" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + NEWEST + "$" + values.size();
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(BuildStore::all);
    }

    private static void condition(String column, String value, List<String> where, List<Object> values) {
        if (value != null) {
            values.add(value);
            where.add(column + " = $" + values.size());
        }
    }

    private static BuildRow first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : build(rows.iterator().next());
    }

    private static List<BuildRow> all(RowSet<Row> rows) {
        List<BuildRow> builds = new ArrayList<>();
        rows.forEach(row -> builds.add(build(row)));
        return builds;
    }

    private static BuildRow build(Row row) {
        BuildRow build = new BuildRow();
        build.requestId = row.getString("request_id");
        build.businessKey = row.getString("business_key");
        build.request = row.getString("request");
        build.integration = row.getString("integration");
        build.repository = row.getString("repository");
        build.commitHash = row.getString("commit_hash");
        build.job = row.getString("job");
        build.statusKey = row.getString("status_key");
        build.state = row.getString("state");
        build.jenkinsUrl = row.getString("jenkins_url");
        build.jobUrl = row.getString("job_url");
        build.queueId = row.getLong("queue_id");
        build.buildNumber = row.getInteger("build_number");
        build.buildUrl = row.getString("build_url");
        build.result = row.getString("result");
        build.durationMs = row.getLong("duration_ms");
        build.reason = row.getString("reason");
        build.attempts = row.getInteger("attempts");
        build.nextActionAt = instant(row, "next_action_at");
        build.dispatchStartedAt = instant(row, "dispatch_started_at");
        build.notFoundAt = instant(row, "not_found_at");
        build.giveUpAt = instant(row, "give_up_at");
        build.sequence = row.getInteger("sequence");
        build.cancelRequestedBy = row.getString("cancel_requested_by");
        build.cancelRequestedAt = instant(row, "cancel_requested_at");
        build.cancelSentAt = instant(row, "cancel_sent_at");
        build.cancelProblem = row.getString("cancel_problem");
        build.leasedUntil = instant(row, "leased_until");
        build.createdAt = instant(row, "created_at");
        build.updatedAt = instant(row, "updated_at");
        return build;
    }
}
