package dev.bitbridge.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest}'s default datasource (JDBC and reactive) at the shared {@link EmbeddedPostgres}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(),
                "quarkus.datasource.reactive.url", pg.reactiveUrl(),
                "quarkus.datasource.username", pg.username(),
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // The server is shared by every test of the JVM and stops at JVM exit.
    }
}
