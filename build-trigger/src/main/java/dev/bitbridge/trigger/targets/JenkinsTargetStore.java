package dev.bitbridge.trigger.targets;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import static dev.bitbridge.trigger.store.Timestamps.at;
import static dev.bitbridge.trigger.store.Timestamps.instant;

/**
 * The Jenkins targets in PostgreSQL ({@code jenkins_target}). Every method runs on the client it is given: the pool,
 * or a connection in the caller's transaction.
 */
@ApplicationScoped
public class JenkinsTargetStore {

    private static final String FIND = "select * from jenkins_target where id = $1";

    /** The repository's own target ($1) if it has one, else its integration's ($2): one statement for both. */
    private static final String OF_REPOSITORY = """
            select * from jenkins_target where id = $1 or id = $2
            order by id = $1 desc
            limit 1""";

    private static final String INSERT = """
            insert into jenkins_target (id, integration, repository, base_url, username, credential_kind, default_job,
                                        job_mapping, multibranch, parameters, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";

    private static final String UPDATE = """
            update jenkins_target set integration = $2, repository = $3, base_url = $4, username = $5,
                credential_kind = $6, default_job = $7, job_mapping = $8, multibranch = $9, parameters = $10,
                created_at = $11, updated_at = $12
            where id = $1""";

    private static final String DELETE = "delete from jenkins_target where id = $1";

    /** @return the target with this id, or null */
    public Uni<JenkinsTarget> find(SqlClient client, String id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(JenkinsTargetStore::first);
    }

    /**
     * @param repositoryId the repository's target id ({@code <integration>:<repository>})
     * @param integrationId the integration's target id
     * @return the repository's own target, else its integration's, else null
     */
    public Uni<JenkinsTarget> ofRepository(SqlClient client, String repositoryId, String integrationId) {
        return client.preparedQuery(OF_REPOSITORY).execute(Tuple.of(repositoryId, integrationId))
                .map(JenkinsTargetStore::first);
    }

    /** Stores a new target. */
    public Uni<Void> insert(SqlClient client, JenkinsTarget target) {
        return client.preparedQuery(INSERT).execute(values(target)).replaceWithVoid();
    }

    /** Writes a stored target's columns. */
    public Uni<Void> update(SqlClient client, JenkinsTarget target) {
        return client.preparedQuery(UPDATE).execute(values(target)).replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient client, String id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(id)).replaceWithVoid();
    }

    private static Tuple values(JenkinsTarget target) {
        return Tuple.from(java.util.Arrays.<Object> asList(target.id(), target.integration(), target.repository(),
                target.baseUrl(), target.username(), target.credentialKind(), target.defaultJob(),
                target.jobMapping(), target.multibranch(), target.parameters(), at(target.createdAt()),
                at(target.updatedAt())));
    }

    private static JenkinsTarget first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return new JenkinsTarget(row.getString("id"), row.getString("integration"), row.getString("repository"),
                row.getString("base_url"), row.getString("username"), row.getString("credential_kind"),
                row.getString("default_job"), row.getString("job_mapping"), row.getString("multibranch"),
                row.getString("parameters"), instant(row, "created_at"), instant(row, "updated_at"));
    }
}
