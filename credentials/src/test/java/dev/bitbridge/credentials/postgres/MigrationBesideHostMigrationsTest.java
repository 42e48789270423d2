package dev.bitbridge.credentials.postgres;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library's migration (V100) shares the host's Flyway history. A host migration written later gets a lower version
 * (V2 &lt; V100), so the host must set {@code quarkus.flyway.out-of-order=true}, as credentials/README.md says; this
 * test shows why.
 */
class MigrationBesideHostMigrationsTest {

    @Test
    void aLaterHostMigrationBelowV100NeedsOutOfOrder() {
        migrate("strict", false, "db/credentials", "db/host-before");

        assertThatThrownBy(() -> migrate("strict", false, "db/credentials", "db/host-before", "db/host-after"))
                .hasMessageContaining("Detected resolved migration not applied to database: 2");
    }

    @Test
    void withOutOfOrderTheLaterHostMigrationIsApplied() {
        migrate("relaxed", true, "db/credentials", "db/host-before");

        Flyway flyway = migrate("relaxed", true, "db/credentials", "db/host-before", "db/host-after");

        // The first entry is Flyway's creation of the schema, which has no version.
        assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getVersion).filter(v -> v != null)
                .map(Object::toString))
                .containsExactlyInAnyOrder("1", "100", "2");
    }

    private static Flyway migrate(String schema, boolean outOfOrder, String... locations) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        Flyway flyway = Flyway.configure()
                .dataSource(pg.jdbcUrl(), pg.username(), "postgres")
                .schemas("migration_" + schema)
                .outOfOrder(outOfOrder)
                .locations(Arrays.stream(locations).map(location -> "classpath:" + location).toArray(String[]::new))
                .load();
        flyway.migrate();
        return flyway;
    }
}
