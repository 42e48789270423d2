package dev.bitbridge.connector.enrichment.state;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.connector.config.ConnectorConfig;

/**
 * What enrichment remembers between events, in PostgreSQL: the raw events it handled, the commits each repository
 * is known to have, and the source head last published for each pull request. Reads ignore rows whose stamp is not
 * {@link Position#committed committed}; writes happen once per
 * batch, in one transaction, before the batch's Kafka transaction commits (ADR 11).
 */
@ApplicationScoped
public class EnrichmentState {

    private final Pool pool;
    private final ConnectorConfig config;

    EnrichmentState(Pool pool, ConnectorConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** @return which of the given event ids of an integration were handled by committed output */
    public Uni<Set<String>> seenEvents(String integration, Collection<String> eventIds, Position position) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("select event_id, src_partition, src_offset from enrichment_seen_event"
                + " where integration = $1 and event_id = any($2)")
                .execute(Tuple.of(integration, eventIds.toArray(String[]::new)))
                .map(rows -> committed(rows, "event_id", position));
    }

    /** @return which of the given full hashes the repository is known to have, by committed output */
    public Uni<Set<String>> knownCommits(String integration, String repository, Collection<String> hashes,
            Position position) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("select hash, src_partition, src_offset from known_commit"
                + " where integration = $1 and repository = $2 and hash = any($3)")
                .execute(Tuple.of(integration, repository, hashes.toArray(String[]::new)))
                .map(rows -> committed(rows, "hash", position));
    }

    /**
     * @return the source head last published, by committed output, for a pull request; empty when none is known (never
     *         published, or forgotten after the retention)
     */
    public Uni<java.util.Optional<String>> pullRequestHead(String integration, String repository, long pullRequest,
            Position position) {
        return pool.preparedQuery("select head, src_partition, src_offset from pull_request_head where integration = $1"
                + " and repository = $2 and pull_request = $3 order by seen_at desc, src_offset desc")
                .execute(Tuple.of(integration, repository, pullRequest))
                .map(rows -> {
                    for (Row row : rows) {
                        if (position.committed(row.getInteger("src_partition"), row.getLong("src_offset"))) {
                            return java.util.Optional.of(row.getString("head"));
                        }
                    }
                    return java.util.Optional.<String> empty();
                });
    }

    /** Writes what a batch learnt, in one transaction, overwriting rows of attempts that never committed. */
    public Uni<Void> write(StateChanges changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> events = new ArrayList<>();
        changes.events().forEach(e -> events.add(Tuple.of(e.integration(), e.eventId(), e.partition(), e.offset(),
                e.outcome())));
        List<Tuple> commits = new ArrayList<>();
        changes.commits().forEach(c -> commits.add(Tuple.of(c.integration(), c.repository(), c.hash(),
                c.partition(), c.offset())));
        List<Tuple> heads = new ArrayList<>();
        changes.pullRequestHeads().forEach(h -> heads.add(Tuple.of(h.integration(), h.repository(), h.pullRequest(),
                h.head(), h.partition(), h.offset())));
        return pool.withTransaction(connection -> {
            Uni<Void> written = Uni.createFrom().voidItem();
            if (!events.isEmpty()) {
                written = written.chain(() -> connection.preparedQuery("insert into enrichment_seen_event"
                        + " (integration, event_id, src_partition, src_offset, outcome) values ($1, $2, $3, $4, $5)"
                        + " on conflict (integration, event_id) do update set src_partition = excluded.src_partition,"
                        + " src_offset = excluded.src_offset, outcome = excluded.outcome, seen_at = now()")
                        .executeBatch(events).replaceWithVoid());
            }
            if (!commits.isEmpty()) {
                written = written.chain(() -> connection.preparedQuery("insert into known_commit"
                        + " (integration, repository, hash, src_partition, src_offset) values ($1, $2, $3, $4, $5)"
                        + " on conflict (integration, repository, hash) do update set"
                        + " src_partition = excluded.src_partition, src_offset = excluded.src_offset,"
                        + " first_seen_at = now()")
                        .executeBatch(commits).replaceWithVoid());
            }
            if (!heads.isEmpty()) {
                written = written.chain(() -> connection.preparedQuery("insert into pull_request_head"
                        + " (integration, repository, pull_request, head, src_partition, src_offset)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (integration, repository, pull_request,"
                        + " src_partition, src_offset) do update set head = excluded.head, seen_at = now()")
                        .executeBatch(heads).replaceWithVoid());
            }
            return written;
        });
    }

    /** Forgets handled events older than the retention: Bitbucket does not redeliver that late. */
    @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOldEvents() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.enrichment().seenEventRetention());
        return pool.preparedQuery("delete from enrichment_seen_event where seen_at < $1").execute(Tuple.of(cutoff))
                .chain(() -> pool.preparedQuery("delete from pull_request_head old where old.seen_at < $1 and exists"
                        + " (select 1 from pull_request_head newer where newer.integration = old.integration"
                        + " and newer.repository = old.repository and newer.pull_request = old.pull_request"
                        + " and newer.seen_at > old.seen_at)").execute(Tuple.of(cutoff)))
                .replaceWithVoid();
    }

    private static Set<String> committed(Iterable<Row> rows, String column, Position position) {
        Set<String> found = new HashSet<>();
        for (Row row : rows) {
            if (position.committed(row.getInteger("src_partition"), row.getLong("src_offset"))) {
                found.add(row.getString(column));
            }
        }
        return found;
    }
}
