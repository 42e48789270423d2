package dev.bitbridge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) started by the test JVM. One server serves a whole
 * test JVM: {@link #shared()} starts it on first use and stops it at JVM exit.
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static EmbeddedPostgres shared;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
        long began = System.nanoTime();
        try {
            Path parent = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Files.createTempDirectory(parent, "pg-work-").toFile())
                    .setDataDirectory(Files.createTempDirectory(parent, "pg-data-"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        LOG.infof("Embedded PostgreSQL on port %d started in %d ms", server.getPort(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** @return the server shared by every test of this JVM, started */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = new EmbeddedPostgres();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** @return the TCP port it listens on, on localhost */
    public int port() {
        return server.getPort();
    }

    /** @return a JDBC URL for the {@code postgres} database */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    /** @return a Vert.x reactive client URL for the {@code postgres} database */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/postgres";
    }

    /** @return the superuser name; its password is not checked on localhost */
    public String username() {
        return "postgres";
    }

    private void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
