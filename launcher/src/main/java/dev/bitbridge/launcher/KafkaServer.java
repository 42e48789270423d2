package dev.bitbridge.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker, the {@code kafka_2.13} server classes at the platform's version, run in the supervisor's
 * JVM in KRaft combined mode ({@code process.roles=broker,controller}): one node is its own controller quorum, so no
 * ZooKeeper and no second process.
 * <p>
 * The log directory is formatted once, the way {@code kafka-storage.sh format} does it, and reused on every later
 * start: {@code meta.properties} in it holds the cluster id, and its presence is what "already formatted" means. The
 * broker runs {@link KafkaRaftServer}, the same class {@code kafka.Kafka} runs from {@code kafka-server-start.sh}.
 * <p>
 * Settings differ from Kafka's defaults only where one node demands it (replication factors of 1) or where a
 * developer machine benefits (few internal partitions, no automatic topic creation, so a misspelt topic fails loudly
 * instead of appearing).
 */
public final class KafkaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaServer.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param logDir the broker's log directory (also its KRaft metadata log), kept across restarts
     * @param port the client listener, on localhost
     * @param controllerPort the controller listener, on localhost
     */
    public KafkaServer(Path logDir, int port, int controllerPort) {
        this.logDir = logDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** @return {@code localhost:<port>} for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** @return whether the log directory has been formatted */
    public boolean isFormatted() {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /** @return the cluster id stored in the formatted log directory */
    public String clusterId() {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve("meta.properties"))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka cluster id from " + logDir, e);
        }
        return meta.getProperty("cluster.id");
    }

    /**
     * Formats the log directory if it has never been, then starts the broker and waits until it answers clients.
     *
     * @param timeout how long to wait for the broker to answer
     */
    public synchronized void start(Duration timeout) {
        if (server != null) {
            return;
        }
        long began = System.nanoTime();
        Properties properties = properties();
        Path configFile = writeConfigFile(properties);
        formatIfNeeded(configFile);
        KafkaRaftServer starting = newRaftServer(properties);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            stopQuietly(starting);
            throw new IllegalStateException("Kafka did not start on " + bootstrapServers() + ": " + e.getMessage(), e);
        }
        server = starting;
        awaitReady(timeout);
        LOG.infof("Kafka broker (cluster %s) answers on %s; started in %d ms", clusterId(), bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** Shuts the broker down cleanly (leadership handed over, logs flushed, clean-shutdown marker written). */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        long began = System.nanoTime();
        stopQuietly(server);
        server = null;
        LOG.infof("Kafka broker on %s stopped in %d ms", bootstrapServers(), (System.nanoTime() - began) / 1_000_000);
    }

    /** @return whether the broker has been started and not stopped */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The broker configuration; see the class comment for why each value differs from Kafka's default. */
    Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A laptop's Kafka holds little: small segments keep the data folder small and let retention act.
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.retention.hours", "168");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }

    /**
     * Writes {@code meta.properties} and the bootstrap metadata into an unformatted log directory with Kafka's own
     * {@code StorageTool}, exactly as {@code kafka-storage.sh format -t <new id> -c <config>} would.
     */
    private void formatIfNeeded(Path configFile) {
        if (isFormatted()) {
            LOG.debugf("Kafka log directory %s is already formatted", logDir);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(new String[] { "format", "--config", configFile.toString(),
                    "--cluster-id", clusterId }, print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir + ": " + e.getMessage()
                    + " " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (code != 0 || !isFormatted()) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir + " (exit " + code + "): "
                    + output.toString(StandardCharsets.UTF_8).trim());
        }
        LOG.infof("Formatted the Kafka log directory %s for the new cluster %s: %s", logDir, clusterId,
                output.toString(StandardCharsets.UTF_8).trim());
    }

    /**
     * Writes the configuration as a {@code server.properties} file next to the log directory: the storage tool reads
     * it, and a developer can see what the broker runs with (or point Kafka's own scripts at it).
     */
    private Path writeConfigFile(Properties properties) {
        Path file = logDir.resolveSibling(logDir.getFileName() + "-server.properties");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDir, e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Written by the Bitbridge launcher on every start");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /**
     * {@code new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM)}, which is what
     * {@code kafka.Kafka} does. Both calls are reflective because {@code KafkaConfig}'s superclass lives in
     * {@code kafka-server}, a runtime-only dependency of {@code kafka_2.13} whose version the platform BOM does not
     * manage: javac would need it declared, with a version that could drift from the broker's. At run time the classes
     * are all there; a Kafka upgrade that changes these two signatures fails here, at the first start, with a clear
     * message.
     */
    private static KafkaRaftServer newRaftServer(Properties properties) {
        try {
            Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
            Object config = configClass.getMethod("fromProps", Properties.class, boolean.class)
                    .invoke(null, properties, false);
            return KafkaRaftServer.class.getConstructor(configClass, Time.class).newInstance(config, Time.SYSTEM);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This kafka_2.13 has no KafkaConfig.fromProps(Properties, boolean) or "
                    + "KafkaRaftServer(KafkaConfig, Time)", e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not answer within "
                                + timeout.toSeconds() + " s", e);
                    }
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static void stopQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka did not shut down cleanly", e);
        }
    }
}
