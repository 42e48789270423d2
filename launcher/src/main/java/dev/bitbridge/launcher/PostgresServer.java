package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from zonky's binaries (a Maven Central artifact, unpacked once into {@code cache/}), with
 * its cluster in a data directory that is kept across restarts.
 * <p>
 * zonky's library is made for tests, so three of its defaults are turned around here: the data directory is not
 * cleaned ({@code setCleanDataDirectory(false)}; {@code initdb} runs only when it holds no cluster yet), the port is
 * fixed instead of random, and zonky's own shutdown hook is off, because the supervisor must stop PostgreSQL
 * <em>after</em> the services that use it, and JVM shutdown hooks run in no particular order. The server's own output
 * goes straight to {@code logs/postgres.log} rather than through the JVM, so it keeps logging even if the supervisor is
 * killed.
 * <p>
 * {@code pg_ctl start} daemonizes the postmaster: PostgreSQL is not a child of the supervisor, which is why its pid is
 * read from {@code postmaster.pid} for the status table and why {@code ./bitbridge down} checks that it is gone.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path binariesDir;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres server;

    /**
     * @param dataDir the cluster's data directory, kept across restarts
     * @param binariesDir where zonky unpacks the PostgreSQL binaries (a cache; deleting it costs one unpack)
     * @param logFile where the server writes its log
     * @param port the port, on localhost
     */
    public PostgresServer(Path dataDir, Path binariesDir, Path logFile, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.binariesDir = binariesDir.toAbsolutePath().normalize();
        this.logFile = logFile.toAbsolutePath().normalize();
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** @return whether the data directory holds a cluster (initdb has run) */
    public boolean isInitialized() {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    /** Runs {@code initdb} if needed, starts the server and waits until it accepts connections. */
    public synchronized void start(Duration timeout) {
        if (server != null) {
            return;
        }
        long began = System.nanoTime();
        boolean initialized = isInitialized();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(binariesDir.resolve("scratch"));
            Files.createDirectories(logFile.getParent());
            // zonky scans this folder for stale temporary clusters of earlier test runs and deletes them; point it at
            // an empty folder of ours rather than the shared /tmp/embedded-pg, and never at a parent of dataDir.
            System.setProperty("ot.epg.working-dir", binariesDir.resolve("scratch").toString());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(timeout)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "64MB")
                    // zonky's test defaults trade durability for speed (-F, synchronous_commit=off); the data here is
                    // meant to survive, so both are turned back on (a later -c wins over -F).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + " (see " + logFile + ")", e);
        }
        LOG.infof("PostgreSQL on port %d (%s data directory %s) started in %d ms", port,
                initialized ? "existing" : "new", dataDir, (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * Creates a database if it does not exist yet.
     *
     * @return whether it was created
     */
    public boolean ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = requireServer().getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            LOG.infof("Created the PostgreSQL database %s", name);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return a JDBC connection to a database, as the superuser (trust authentication on localhost) */
    public Connection connect(String database) throws SQLException {
        return requireServer().getDatabase(USER, database).getConnection();
    }

    /** @return the postmaster's process id, from {@code postmaster.pid}, while it runs */
    public OptionalLong pid() {
        return postmasterPid(dataDir);
    }

    /** @return the pid in a data directory's {@code postmaster.pid}, if there is one */
    static OptionalLong postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops the server with {@code pg_ctl stop -m fast}: sessions are ended, the cluster is shut down cleanly. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        long began = System.nanoTime();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        } finally {
            server = null;
        }
        LOG.infof("PostgreSQL on port %d stopped in %d ms", port, (System.nanoTime() - began) / 1_000_000);
    }

    private synchronized EmbeddedPostgres requireServer() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return server;
    }
}
