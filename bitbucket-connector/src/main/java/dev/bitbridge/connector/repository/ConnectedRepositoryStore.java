package dev.bitbridge.connector.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import static dev.bitbridge.connector.sql.SqlValues.at;
import static dev.bitbridge.connector.sql.SqlValues.instant;
import static dev.bitbridge.connector.sql.SqlValues.values;

/**
 * The table {@code connected_repository} (Flyway migration V2): one row per integration and repository. Methods
 * taking a {@link SqlClient} run on the connection given, within a caller's {@code pool.withTransaction}; the others
 * run on the pool.
 */
@ApplicationScoped
public class ConnectedRepositoryStore {

    private static final String COLUMNS = "integration, repository, hook_mode, hook_id, hook_state, hook_detail,"
            + " connected_at, checked_at";

    private static final String FIND = "select " + COLUMNS + " from connected_repository"
            + " where integration = $1 and repository = $2";

    private static final String OF_INTEGRATION = "select " + COLUMNS + " from connected_repository"
            + " where integration = $1";

    private static final String OF_INTEGRATION_BY_NAME = OF_INTEGRATION + " order by repository";

    private static final String AUTOMATIC = "select " + COLUMNS + " from connected_repository"
            + " where hook_mode = 'automatic' order by integration, repository";

    private static final String INSERT = "insert into connected_repository (" + COLUMNS + ")"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8)";

    private static final String UPDATE = """
            update connected_repository set hook_mode = $3, hook_id = $4, hook_state = $5, hook_detail = $6,
                checked_at = $7
            where integration = $1 and repository = $2""";

    private static final String DELETE = "delete from connected_repository where integration = $1 and repository = $2";

    private static final String DELETE_ALL = "delete from connected_repository where integration = $1";

    private final Pool pool;

    ConnectedRepositoryStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<RepositoryConnection>> find(SqlClient client, String integration, String repository) {
        return client.preparedQuery(FIND).execute(Tuple.of(integration, repository))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(connection(rows.iterator().next())));
    }

    /** Like {@link #find(SqlClient, String, String)}, on the pool. */
    public Uni<Optional<RepositoryConnection>> find(String integration, String repository) {
        return find(pool, integration, repository);
    }

    /** @return the repositories connected to an integration, in no particular order */
    public Uni<List<RepositoryConnection>> of(String integration) {
        return pool.preparedQuery(OF_INTEGRATION).execute(Tuple.of(integration))
                .map(ConnectedRepositoryStore::connections);
    }

    /** @return the repositories connected to an integration, by name */
    public Uni<List<RepositoryConnection>> byName(String integration) {
        return pool.preparedQuery(OF_INTEGRATION_BY_NAME).execute(Tuple.of(integration))
                .map(ConnectedRepositoryStore::connections);
    }

    /** @return every repository whose hook Bitbridge keeps, by integration and name */
    public Uni<List<RepositoryConnection>> automatic() {
        return pool.preparedQuery(AUTOMATIC).execute().map(ConnectedRepositoryStore::connections);
    }

    /** Stores a new connection; one of the same integration and repository makes it fail. */
    public Uni<Void> insert(SqlClient client, RepositoryConnection c) {
        return client.preparedQuery(INSERT).execute(values(c.integration(), c.repository(), c.hookMode(), c.hookId(),
                c.hookState(), c.hookDetail(), at(c.connectedAt()), at(c.checkedAt()))).replaceWithVoid();
    }

    /** Writes a connection's hook and when it was checked; when it was connected stays. */
    public Uni<Void> update(SqlClient client, RepositoryConnection c) {
        return client.preparedQuery(UPDATE).execute(values(c.integration(), c.repository(), c.hookMode(), c.hookId(),
                c.hookState(), c.hookDetail(), at(c.checkedAt()))).replaceWithVoid();
    }

    public Uni<Void> delete(String integration, String repository) {
        return pool.preparedQuery(DELETE).execute(Tuple.of(integration, repository)).replaceWithVoid();
    }

    /** Removes every connection of an integration. */
    public Uni<Void> deleteAll(String integration) {
        return pool.preparedQuery(DELETE_ALL).execute(Tuple.of(integration)).replaceWithVoid();
    }

    /** The one place a row becomes a {@link RepositoryConnection}. */
    private static RepositoryConnection connection(Row row) {
        return new RepositoryConnection(row.getString("integration"), row.getString("repository"),
                row.getString("hook_mode"), row.getString("hook_id"), row.getString("hook_state"),
                row.getString("hook_detail"), instant(row, "connected_at"), instant(row, "checked_at"));
    }

    private static List<RepositoryConnection> connections(RowSet<Row> rows) {
        List<RepositoryConnection> list = new ArrayList<>();
        rows.forEach(row -> list.add(connection(row)));
        return list;
    }

}
