package dev.bitbridge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node Kafka broker (KRaft, {@code kafka_2.13} at the platform's version) in the test JVM. It can be
 * stopped and started again on the same port with the same data, so tests can show what a service does while Kafka
 * is away and after it returns.
 * <p>
 * One broker serves a whole test JVM: {@link #shared()} starts it on first use and stops it at JVM exit. A test that
 * needs a broker of its own — fresh, or configured differently — gets one from {@link #dedicated(Map)} and stops it.
 */
public final class EmbeddedKafka {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);
    private static EmbeddedKafka shared;

    private final int kafkaPort;
    private final int controllerPort;
    private final String clusterId = UUID.randomUUID().toString();
    private final Path logDir;
    private EmbeddedKafkaBroker broker;

    private final Map<String, String> brokerProperties;

    private EmbeddedKafka(Map<String, String> brokerProperties) {
        this.brokerProperties = Map.copyOf(brokerProperties);
        this.kafkaPort = FreePorts.next();
        this.controllerPort = FreePorts.next();
        try {
            Path parent = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(parent);
            this.logDir = Files.createTempDirectory(parent, "kafka-logs-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Kafka log directory under java.io.tmpdir", e);
        }
    }

    /** @return the broker shared by every test of this JVM, started */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            shared = new EmbeddedKafka(Map.of());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-kafka-stop"));
        }
        return shared;
    }

    /**
     * @param brokerProperties broker settings on top of the defaults, e.g. {@code create.topic.policy.class.name}
     * @return a started broker used by the caller only, who {@linkplain #stop() stops} it
     */
    public static EmbeddedKafka dedicated(Map<String, String> brokerProperties) {
        EmbeddedKafka kafka = new EmbeddedKafka(brokerProperties);
        kafka.start();
        return kafka;
    }

    /** @return {@code host:port} for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Starts the broker, or starts it again with the data it had; returns once it accepts connections. */
    public synchronized void start() {
        if (broker != null && broker.isRunning()) {
            return;
        }
        long began = System.nanoTime();
        broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withClusterId(clusterId)
                .withKafkaHost("localhost")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir.toString());
                    p.put("auto.create.topics.enable", "false");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "1");
                    // Transactions (exactly-once enrichment) on a single broker.
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                    p.put("transaction.state.log.num.partitions", "1");
                    p.putAll(brokerProperties);
                })
                .start();
        LOG.infof("Embedded Kafka broker on %s started in %d ms", bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** Stops the broker, keeping its data, as an outage would. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
            LOG.infof("Embedded Kafka broker on %s stopped", bootstrapServers());
        }
    }

    /** @return whether the broker is running */
    public synchronized boolean isRunning() {
        return broker != null && broker.isRunning();
    }

}
