package dev.bitbridge.trigger.store;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import static dev.bitbridge.trigger.store.Timestamps.at;

/**
 * The builds in PostgreSQL ({@code build}, ADR 12): stored once per request. The methods that take a
 * {@link SqlClient} run on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class BuildStore {

    private static final String INSERT = """
            insert into build (request_id, business_key, request, integration, repository, commit_hash, status_key,
                               state, attempts, next_action_at, sequence, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, 'PENDING', 0, $8, 0, $8, $8)
            on conflict do nothing""";

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
}
