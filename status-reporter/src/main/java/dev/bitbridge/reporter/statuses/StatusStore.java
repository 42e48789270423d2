package dev.bitbridge.reporter.statuses;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statuses in PostgreSQL ({@code commit_status}, ADR 14): one row per (integration, repository, commit, key), the
 * newest state seen and what was posted. A state older than the row's is not stored — of one build, a lower sequence;
 * of two builds, the one asked for earlier — so records read twice or out of order change nothing. A row is due
 * while what should be shown differs from what was posted; replicas take due rows with {@code FOR UPDATE SKIP
 * LOCKED} and a lease, and record an outcome only while they still hold it.
 */
@ApplicationScoped
public class StatusStore {

    private static final String OFFER = """
            insert into commit_status as s (integration, repository, commit_hash, status_key, request_id, sequence,
                requested_at, build_state, wanted_state, wanted, flavor, record_key, record_value, record_headers,
                source_topic, source_partition, source_offset, due_at, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14::jsonb, $15, $16, $17, $18,
                $18, $18)
            on conflict (integration, repository, commit_hash, status_key) do update set
                request_id = excluded.request_id, sequence = excluded.sequence, requested_at = excluded.requested_at,
                build_state = excluded.build_state, wanted_state = excluded.wanted_state, wanted = excluded.wanted,
                flavor = excluded.flavor, record_key = excluded.record_key, record_value = excluded.record_value,
                record_headers = excluded.record_headers, source_topic = excluded.source_topic,
                source_partition = excluded.source_partition, source_offset = excluded.source_offset,
                due_at = case
                    when s.posted_request_id = excluded.request_id and s.posted_state = excluded.wanted_state then null
                    when s.due_at is not null and s.attempts > 0 then s.due_at
                    else excluded.due_at end,
                updated_at = excluded.updated_at
            where (s.request_id = excluded.request_id and excluded.sequence > s.sequence)
               or (s.request_id <> excluded.request_id
                   and (excluded.requested_at, excluded.request_id) > (s.requested_at, s.request_id))
            returning due_at""";

    private static final String CLAIM = """
            update commit_status s set leased_until = $1
            from (select integration, repository, commit_hash, status_key from commit_status
                  where due_at <= $2 and (leased_until is null or leased_until < $2)
                    and not (integration = any($3)) and ($4::text is null or integration = $4)
                  order by due_at
                  limit $5
                  for update skip locked) d
            where s.integration = d.integration and s.repository = d.repository and s.commit_hash = d.commit_hash
              and s.status_key = d.status_key
            returning s.*""";

    private static final String WHERE_LEASED = " where integration = $1 and repository = $2 and commit_hash = $3"
            + " and status_key = $4 and leased_until = $5";

    private static final String POSTED = """
            update commit_status set posted_request_id = $6, posted_sequence = $7, posted_state = $8, posted_as = $9,
                posted_at = $10, attempts = 0, failing_since = null, problem = null, leased_until = null,
                due_at = case when request_id = $6 and wanted_state = $8 then null else $10::timestamptz end,
                updated_at = $10"""
            + WHERE_LEASED;

    private static final String FAILED = """
            update commit_status set attempts = attempts + 1, failing_since = coalesce(failing_since, $6),
                problem = $7, leased_until = null, due_at = $8, updated_at = $6""" + WHERE_LEASED;

    private static final String RELEASED = "update commit_status set leased_until = null, due_at = $6"
            + WHERE_LEASED;

    private static final String SET_ASIDE = """
            update commit_status set attempts = 0, failing_since = null, problem = $6, leased_until = null,
                dead_lettered_at = $7, updated_at = $7,
                due_at = case when request_id = $8 and sequence = $9 then null else $7::timestamptz end"""
            + WHERE_LEASED;

    private static final String FOR_COMMIT = """
            select * from commit_status where integration = $1 and commit_hash = $2
            order by repository, status_key""";

    private final Pool pool;

    StatusStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a state unless the row already holds a newer one.
     *
     * @return when the status is due to be posted; empty when the state was older than the stored one, or shows
     *         nothing new (the same build in the same Bitbucket state)
     */
    public Uni<Optional<Instant>> offer(IncomingState state, Instant now) {
        SourceRecord record = state.record();
        Tuple values = Tuple
                .from(java.util.Arrays.<Object> asList(state.integration(), state.repository(), state.commit(), state.key(),
                        state.requestId(), state.sequence(), at(state.requestedAt()), state.buildState(),
                        state.wantedState(), new JsonObject(state.wantedJson()), state.flavor()));
        values.addValue(record.key());
        values.addBuffer(Buffer.buffer(record.value()));
        values.addValue(new JsonObject(new HashMap<>(record.headers())));
        values.addString(record.topic()).addInteger(record.partition()).addLong(record.offset());
        values.addValue(at(now));
        return pool.preparedQuery(OFFER).execute(values)
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    OffsetDateTime due = rows.iterator().next().getOffsetDateTime("due_at");
                    return Optional.ofNullable(due).map(OffsetDateTime::toInstant);
                });
    }

    /**
     * Takes due statuses and leases them until {@code leaseUntil}.
     *
     * @param excluded integrations whose statuses wait (an outage, a rate limit)
     * @param only when present, only this integration's (one probe after a wait)
     */
    public Uni<List<TrackedStatus>> claim(Instant now, Instant leaseUntil, int limit, Set<String> excluded,
            Optional<String> only) {
        Tuple values = Tuple.of(at(micros(leaseUntil)), at(now), excluded.toArray(String[]::new), only.orElse(null),
                limit);
        return pool.preparedQuery(CLAIM).execute(values).map(StatusStore::tracked);
    }

    /** Records that the status was posted as {@code postedAs}; due again only if a newer state arrived meanwhile. */
    public Uni<Boolean> posted(TrackedStatus status, String postedAs, Instant now) {
        return update(POSTED, status, status.requestId(), status.sequence(), status.wantedState(), postedAs, at(now));
    }

    /** Records a failed try; the status is due again at {@code dueAt}. */
    public Uni<Boolean> failed(TrackedStatus status, String problem, Instant dueAt, Instant now) {
        return update(FAILED, status, at(now), problem, at(dueAt));
    }

    /** Gives a status back untried: its integration waits until {@code dueAt}. */
    public Uni<Boolean> release(TrackedStatus status, Instant dueAt) {
        return update(RELEASED, status, at(dueAt));
    }

    /** Records that the state was dead-lettered; a newer state that arrived meanwhile is due at once. */
    public Uni<Boolean> setAside(TrackedStatus status, String problem, Instant now) {
        return update(SET_ASIDE, status, problem, at(now), status.requestId(), status.sequence());
    }

    /** @return the statuses of a commit, for the read API */
    public Uni<List<Row>> ofCommit(String integration, String commit) {
        return pool.preparedQuery(FOR_COMMIT).execute(Tuple.of(integration, commit)).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
        });
    }

    private Uni<Boolean> update(String sql, TrackedStatus status, Object... more) {
        List<Object> values = new ArrayList<>(List.of(status.integration(), status.repository(), status.commit(),
                status.key(), at(status.leasedUntil())));
        values.addAll(java.util.Arrays.asList(more));
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> rows.rowCount() == 1);
    }

    private static List<TrackedStatus> tracked(RowSet<Row> rows) {
        List<TrackedStatus> list = new ArrayList<>();
        for (Row row : rows) {
            JsonObject headers = row.getJsonObject("record_headers");
            Map<String, String> headerMap = new HashMap<>();
            headers.forEach(e -> headerMap.put(e.getKey(), String.valueOf(e.getValue())));
            SourceRecord record = new SourceRecord(row.getString("source_topic"), row.getInteger("source_partition"),
                    row.getLong("source_offset"), row.getString("record_key"),
                    row.getBuffer("record_value").getBytes(), headerMap);
            OffsetDateTime failing = row.getOffsetDateTime("failing_since");
            list.add(new TrackedStatus(row.getString("integration"), row.getString("repository"),
                    row.getString("commit_hash"), row.getString("status_key"), row.getString("request_id"),
                    row.getLong("sequence"), row.getString("wanted_state"), row.getJsonObject("wanted").encode(),
                    record, row.getInteger("attempts"),
                    failing == null ? null : failing.toInstant(),
                    row.getOffsetDateTime("leased_until").toInstant()));
        }
        return list;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** As PostgreSQL keeps it: a lease read back must equal the one written. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
