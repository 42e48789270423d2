package dev.bitbridge.analyzer.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.platform.kafka.TopicCreator;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once across {@code kill -9}, against the packaged analyzer: a stream of tagged pushes waits on
 * {@code bitbridge.refs.v1}; the analyzer, reading it in small batches, is killed with SIGKILL twice while it works
 * through them and started again as the same instance (the same {@code transactional.id}). In the end a
 * {@code read_committed} consumer sees exactly one build request per push and one task link per key — none lost, none
 * written twice. The children's output is in {@code target/analyzer-crash-<run>.log}.
 */
class AnalyzerCrashIT {

    private static final Logger LOG = Logger.getLogger(AnalyzerCrashIT.class);
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String INTEGRATION = "crash-" + UUID.randomUUID().toString().substring(0, 6);
    static final int PUSHES = Integer.getInteger("crash.pushes", 600);
    static final int REPOSITORIES = 4;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final Account DEV = new Account("557058:dev", "{dev}", "dev", "Crash Tester", null);

    static ServiceJar analyzer;
    static TopicScanner topics;

    @BeforeAll
    static void topics() {
        String servers = EmbeddedKafka.shared().bootstrapServers();
        assertThat(new TopicCreator("test", Topics.ALL, Map.of("bootstrap.servers", servers)).ensure()).isTrue();
        topics = TopicScanner.ofSharedKafka();
    }

    @AfterAll
    static void stop() {
        if (analyzer != null && analyzer.process().isAlive()) {
            analyzer.kill();
        }
    }

    @Test
    void killedTwiceMidStreamTheAnalyzerWritesEveryBuildRequestExactlyOnce() throws Exception {
        publishPushes();
        analyzer = start(1);
        for (int kill = 1; kill <= 2; kill++) {
            long reached = PUSHES * kill / 3L;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> requests().size() >= reached);
            int status = analyzer.kill();
            LOG.infof("Killed the analyzer (exit %d) with %d of %d requests committed", status, requests().size(),
                    PUSHES);
            analyzer = start(kill + 1);
        }

        List<BuildRequest> requests = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(this::requests, r -> r.size() >= PUSHES);
        Thread.sleep(2000); // anything written twice would be committed by now
        requests = requests();

        Map<String, Long> perId = requests.stream().collect(Collectors.groupingBy(BuildRequest::requestId,
                Collectors.counting()));
        assertThat(perId).as("one request per push").hasSize(PUSHES);
        assertThat(perId.values()).as("none written twice").allMatch(count -> count == 1);
        Map<String, Long> links = topics.readCommitted(Topics.TASK_LINKS_V1).stream()
                .filter(r -> r.key().startsWith(INTEGRATION + ":"))
                .collect(Collectors.groupingBy(r -> TopicScanner.header(r, CloudEvents.HEADER_ID),
                        Collectors.counting()));
        assertThat(links).as("one task link per branch key").hasSize(PUSHES);
        assertThat(links.values()).allMatch(count -> count == 1);
    }

    private List<BuildRequest> requests() {
        List<BuildRequest> requests = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : topics.readCommitted(Topics.BUILD_REQUESTS_V1)) {
            if (record.key() != null && record.key().startsWith(INTEGRATION + ":")) {
                try {
                    requests.add(JSON.readValue(record.value(), BuildRequest.class));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return requests;
    }

    private static void publishPushes() throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            Map<Integer, String> heads = new HashMap<>();
            for (int i = 0; i < PUSHES; i++) {
                int r = i % REPOSITORIES;
                Repository repo = new Repository("acme/repo-" + r, "repo-" + r, null, null);
                String head = String.format("%040x", 1_000_000 + i);
                String branch = "feature/GAME-" + (i + 1) + "-work";
                RefChangeEvent push = new RefChangeEvent(INTEGRATION, "cloud", repo, branch, RefChangeEvent.BRANCH,
                        RefChangeEvent.CREATED, false, heads.get(r), head, List.of(head), List.of(), null, DEV,
                        OffsetDateTime.now(), new Origin(UUID.randomUUID().toString(), "repo:push",
                                OffsetDateTime.now()),
                        List.of(CommitMessage.of(head, "Work " + i + " #ci")));
                heads.put(r, head);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REFS_V1,
                        RecordKeys.of(INTEGRATION, repo.fullName()), JSON.writeValueAsBytes(push));
                record.headers().add(CloudEvents.HEADER_TYPE, push.type().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static ServiceJar start(int run) {
        return ServiceJar.of(JAR)
                .property("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())
                .property("bitbridge.analyzer.api.admin-token", "crash-it-admin-token-0123456789abcdef")
                .property("bitbridge.analyzer.instance", "crash-it")
                .property("mp.messaging.incoming.scm-events.max.poll.records", "10")
                .property("mp.messaging.incoming.scm-events.session.timeout.ms", "6000")
                .property("mp.messaging.incoming.scm-events.heartbeat.interval.ms", "1000")
                .log(Path.of("target/analyzer-crash-" + run + ".log"))
                .start()
                .awaitReady(Duration.ofSeconds(60));
    }
}
