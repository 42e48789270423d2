package dev.bitbridge.connector.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiException;

import static dev.bitbridge.connector.sql.SqlValues.at;
import static dev.bitbridge.connector.sql.SqlValues.instant;
import static dev.bitbridge.connector.sql.SqlValues.values;

/**
 * The table {@code integration} (Flyway migrations V1, V3, V6). Methods taking a {@link SqlClient} run on the
 * connection given, so that a caller's {@code pool.withTransaction} holds them together (and with the routing outbox's
 * {@code route_version}, raised in the same statement as the change it announces); the others run on the pool.
 * <p>
 * A change of an integration's own settings is written only if the row still has the {@code version} it was read
 * with, and raises it; otherwise nothing is written and the change fails with {@link ConcurrentChange}. The routing
 * publisher's own writes ({@link #routePublished}, {@link #removeDeleted}) do not take part in that check.
 */
@ApplicationScoped
public class IntegrationStore {

    private static final String COLUMNS = "name, flavor, scope, labels, description, workspace, base_url, verify_tls,"
            + " ca_bundle, credential_kind, webhook_token_hash, enabled, created_at, updated_at, route_version,"
            + " route_published_version, previous_token_hash, previous_valid_until, deleted_at, webhook_shown_at,"
            + " version";

    private static final String FIND = "select " + COLUMNS + " from integration where name = $1";

    private static final String INSERT = "insert into integration (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6,"
            + " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)";

    private static final String PAGE = "select " + COLUMNS + " from integration"
            + " where deleted_at is null and name > $1 order by name limit $2";

    private static final String PAGE_IN_SPACES = "select " + COLUMNS + " from integration"
            + " where deleted_at is null and name > $1 and scope = any($3) order by name limit $2";

    private static final String WHERE_UNCHANGED = " where name = $1 and version = $2";

    private static final String UPDATE_SETTINGS = """
            update integration set scope = $3, labels = $4, description = $5, workspace = $6, base_url = $7,
                verify_tls = $8, ca_bundle = $9, credential_kind = $10, enabled = $11, updated_at = $12,
                route_version = $13, version = version + 1""" + WHERE_UNCHANGED;

    private static final String MARK_DELETED = """
            update integration set deleted_at = $3, updated_at = $3, route_version = $4,
                version = version + 1""" + WHERE_UNCHANGED;

    private static final String ROTATE_WEBHOOK = """
            update integration set previous_token_hash = $3, previous_valid_until = $4, webhook_token_hash = $5,
                webhook_shown_at = null, updated_at = $6, route_version = $7, version = version + 1"""
            + WHERE_UNCHANGED;

    private static final String WEBHOOK_SHOWN = "update integration set webhook_shown_at = $3, version = version + 1"
            + WHERE_UNCHANGED;

    private static final String PENDING_ROUTES = "select name from integration"
            + " where route_version > route_published_version order by updated_at";

    private static final String ROUTE_PUBLISHED = "update integration set route_published_version = $1"
            + " where name = $2 and route_published_version < $1";

    private static final String REMOVE_DELETED = "delete from integration where name = $1 and route_version = $2";

    private final Pool pool;

    IntegrationStore(Pool pool) {
        this.pool = pool;
    }

    /** @return the integration named {@code name}, one being deleted included */
    public Uni<Optional<Integration>> find(SqlClient client, String name) {
        return client.preparedQuery(FIND).execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(integration(rows.iterator().next())));
    }

    /** Like {@link #find(SqlClient, String)}, on the pool. */
    public Uni<Optional<Integration>> find(String name) {
        return find(pool, name);
    }

    /**
     * @return the integration named {@code name}, unless it does not exist or is being deleted
     * @throws ApiException 404, naming it
     */
    public Uni<Integration> findActive(SqlClient client, String name) {
        return find(client, name).map(found -> found.filter(i -> !i.deleted())
                .orElseThrow(() -> ApiException.notFound("No integration is named '" + name + "'")));
    }

    /** Like {@link #findActive(SqlClient, String)}, on the pool. */
    public Uni<Integration> findActive(String name) {
        return findActive(pool, name);
    }

    /** Stores a new integration; one of the same name, a deleted one included, makes it fail. */
    public Uni<Void> insert(SqlClient client, Integration i) {
        return client.preparedQuery(INSERT).execute(values(i.name(), i.flavor(), i.scope(), labels(i),
                i.description(), i.workspace(), i.baseUrl(), i.verifyTls(), i.caBundle(), i.credentialKind(),
                i.webhookTokenHash(), i.enabled(), at(i.createdAt()), at(i.updatedAt()), i.routeVersion(),
                i.routePublishedVersion(), i.previousTokenHash(), at(i.previousValidUntil()), at(i.deletedAt()),
                at(i.webhookShownAt()), i.version()))
                .onFailure(IntegrationStore::nameTaken)
                .transform(taken -> ApiException.conflict("An integration named '" + i.name() + "' was created by"
                        + " another request at the same time; choose another name or update the existing one"))
                .replaceWithVoid();
    }

    /** The primary key refused the row: two creates of one name raced, and the other one's committed first. */
    private static boolean nameTaken(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /**
     * Writes an integration's settings (scope, labels, description, location, TLS, credential kind, enabled), its
     * {@code updatedAt} and its {@code routeVersion}.
     *
     * @param changed the integration as read, with its {@code version} then, and the changes applied
     * @throws ConcurrentChange when another change was written since it was read
     */
    public Uni<Void> update(SqlClient client, Integration changed) {
        return changeOf(client, changed, UPDATE_SETTINGS, changed.scope(), labels(changed), changed.description(),
                changed.workspace(), changed.baseUrl(), changed.verifyTls(), changed.caBundle(),
                changed.credentialKind(), changed.enabled(), at(changed.updatedAt()), changed.routeVersion());
    }

    /**
     * Marks an integration deleted: it stays, for the routing publisher, until its tombstone is on the topic.
     *
     * @throws ConcurrentChange when another change was written since {@code current} was read
     */
    public Uni<Void> markDeleted(SqlClient client, Integration current, Instant at) {
        return changeOf(client, current, MARK_DELETED, at(at), current.routeVersion() + 1);
    }

    /**
     * Records new webhook credentials: the current token's hash becomes the previous one, valid until
     * {@code previousValidUntil}, and the new token is not shown yet.
     *
     * @throws ConcurrentChange when another change was written since {@code current} was read
     */
    public Uni<Void> rotateWebhook(SqlClient client, Integration current, String tokenHash,
            Instant previousValidUntil, Instant at) {
        return changeOf(client, current, ROTATE_WEBHOOK, current.webhookTokenHash(), at(previousValidUntil),
                tokenHash, at(at), current.routeVersion() + 1);
    }

    /**
     * Records that the webhook token and secret were shown for a manual setup.
     *
     * @throws ConcurrentChange when another change was written since {@code current} was read
     */
    public Uni<Void> webhookShown(SqlClient client, Integration current, Instant at) {
        return changeOf(client, current, WEBHOOK_SHOWN, at(at));
    }

    /**
     * @param spaces the spaces to list, or empty for all
     * @param after list names after this one
     * @return up to {@code limit} integrations not being deleted, by name
     */
    public Uni<List<Integration>> page(Optional<Set<String>> spaces, String after, int limit) {
        return (spaces.isPresent()
                ? pool.preparedQuery(PAGE_IN_SPACES).execute(Tuple.of(after, limit,
                        spaces.get().toArray(String[]::new)))
                : pool.preparedQuery(PAGE).execute(Tuple.of(after, limit)))
                .map(IntegrationStore::integrations);
    }

    /** @return the names of integrations whose routing record Kafka has not taken yet, oldest change first */
    public Uni<List<String>> pendingRoutes() {
        return pool.preparedQuery(PENDING_ROUTES).execute().map(rows -> {
            List<String> names = new ArrayList<>();
            rows.forEach(row -> names.add(row.getString("name")));
            return names;
        });
    }

    /** Records that Kafka took the routing record of {@code version}, unless a later one was recorded already. */
    public Uni<Void> routePublished(String name, long version) {
        return pool.preparedQuery(ROUTE_PUBLISHED).execute(Tuple.of(version, name)).replaceWithVoid();
    }

    /** Removes a deleted integration's row once its tombstone of {@code routeVersion} is on the topic. */
    public Uni<Void> removeDeleted(String name, long routeVersion) {
        return pool.preparedQuery(REMOVE_DELETED).execute(Tuple.of(name, routeVersion)).replaceWithVoid();
    }

    private static Uni<Void> changeOf(SqlClient client, Integration read, String sql, Object... changes) {
        List<Object> values = new ArrayList<>(List.of(read.name(), read.version()));
        values.addAll(Arrays.asList(changes));
        return client.preparedQuery(sql).execute(Tuple.from(values)).invoke(rows -> {
            if (rows.rowCount() != 1) {
                throw new ConcurrentChange(read.name(), read.version());
            }
        }).replaceWithVoid();
    }

    /** The one place a row becomes an {@link Integration}. */
    private static Integration integration(Row row) {
        return new Integration(row.getString("name"), row.getString("flavor"), row.getString("scope"),
                List.of(row.getArrayOfStrings("labels")), row.getString("description"), row.getString("workspace"),
                row.getString("base_url"), row.getBoolean("verify_tls"), row.getString("ca_bundle"),
                row.getString("credential_kind"), row.getString("webhook_token_hash"), row.getBoolean("enabled"),
                instant(row, "created_at"), instant(row, "updated_at"), row.getLong("route_version"),
                row.getLong("route_published_version"), row.getString("previous_token_hash"),
                instant(row, "previous_valid_until"), instant(row, "deleted_at"), instant(row, "webhook_shown_at"),
                row.getInteger("version"));
    }

    private static List<Integration> integrations(RowSet<Row> rows) {
        List<Integration> list = new ArrayList<>();
        rows.forEach(row -> list.add(integration(row)));
        return list;
    }

    private static String[] labels(Integration i) {
        return i.labels().toArray(String[]::new);
    }

    /**
     * Another change of the integration was written between reading it and writing this one (its {@code version}
     * moved on), or it was removed meanwhile; nothing of this change was written. Deliberately not mapped to an API
     * error: the API call is answered 500 ({@code internal_error}), as a stale write always was.
     */
    /**
     * Another change of the integration was written between this one's read and its write. The API answers 409: the
     * caller reads the integration again and repeats the change if it still applies.
     */
    public static class ConcurrentChange extends ApiException {

        ConcurrentChange(String name, int version) {
            super(409, ApiError.of("conflict", "Integration '" + name + "' was changed or removed by another request"
                    + " while this one ran (it was read at version " + version + "); nothing was written. Read it"
                    + " again and repeat the change if it still applies."));
        }
    }
}
