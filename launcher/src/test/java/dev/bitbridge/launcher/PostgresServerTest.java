package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL the launcher runs keeps its cluster, and the databases it created, across restarts. */
class PostgresServerTest {

    private static final String DATABASE = ServiceCatalog.CONNECTOR_DATABASE;
    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        Path home = TestPaths.tempDir("postgres-");
        Path dataDir = home.resolve("postgres");
        int port = FreePorts.next();

        PostgresServer first = new PostgresServer(dataDir, TestPaths.postgresBinaries(), home.resolve("postgres.log"),
                port);
        first.start(START);
        try {
            assertThat(first.isInitialized()).isTrue();
            assertThat(first.pid()).isPresent();
            assertThat(first.ensureDatabase(DATABASE)).as("created").isTrue();
            try (Connection c = first.connect(DATABASE); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SHOW fsync")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("durable, unlike zonky's test default").isEqualTo("on");
                }
                s.execute("CREATE TABLE greeting (text varchar(40))");
                s.execute("INSERT INTO greeting VALUES ('kept across restarts')");
            }
        } finally {
            first.close();
        }
        assertThat(first.pid()).as("postmaster.pid removed by a clean stop").isEmpty();

        PostgresServer second = new PostgresServer(dataDir, TestPaths.postgresBinaries(), home.resolve("postgres.log"),
                port);
        second.start(START);
        try {
            assertThat(second.ensureDatabase(DATABASE)).as("already there").isFalse();
            try (Connection c = second.connect(DATABASE);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT text FROM greeting")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept across restarts");
            }
        } finally {
            second.close();
        }
    }
}
