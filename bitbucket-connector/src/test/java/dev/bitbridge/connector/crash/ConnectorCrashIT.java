package dev.bitbridge.connector.crash;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.connector.support.ConnectorProcess;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged connector killed with SIGKILL in the middle of a stream of pushes and started again (same instance, so
 * the same transactional id): every expected ref and commit record is on its topic exactly once for a
 * {@code read_committed} consumer, redeliveries included.
 */
class ConnectorCrashIT {

    private static final Logger LOG = Logger.getLogger(ConnectorCrashIT.class);
    static final Path JAR = ConnectorProcess.JAR;
    static final int PUSHES = 150;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static BitbucketSimulator bitbucket;
    static HttpServer sink;
    static RawWebhooks raw;
    static ServiceJar connector;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.exists(JAR), "The packaged connector (" + JAR + ") is missing: run ./mvnw verify");
        new BitbridgeTopics().start();
        raw = new RawWebhooks();
        bitbucket = BitbucketSimulator.cloud();
        // Hooks point at a sink that answers 200: the test publishes the deliveries itself, as the ingress would.
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        connector = startConnector();
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (sink != null) {
            sink.stop(0);
        }
        if (bitbucket != null) {
            bitbucket.close();
        }
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void killedMidStreamAndRestartedEveryRecordIsOutExactlyOnce() throws Exception {
        Account dev = bitbucket.addAccount("Crash Dev", "crash@example.com");
        bitbucket.credentials().apiToken(dev, "tok-crash", CloudSetup.SCOPES);
        api("POST", "/api/v1/integrations", """
                {"name": "crash", "flavor": "cloud", "workspace": "ws-crash",
                 "credentials": {"kind": "cloud-api-token", "email": "crash@example.com", "token": "tok-crash"}}""",
                201);
        RepoRef repo = bitbucket.createRepository("ws-crash", "game");
        api("POST", "/api/v1/integrations/crash/repositories", "{\"repository\": \"ws-crash/game\"}", 200);

        Set<String> expectedCommits = new HashSet<>();
        for (int i = 0; i < PUSHES; i++) {
            bitbucket.push(repo, "main", NewCommit.by(dev, "GAME-" + i + ": a").adds("f" + i + "a.txt", 1),
                    NewCommit.by(dev, "GAME-" + i + ": b").adds("f" + i + "b.txt", 1));
            expectedCommits.add(bitbucket.head(repo, "main"));
        }
        bitbucket.awaitDeliveries(Duration.ofSeconds(30));
        List<Delivery> pushes = bitbucket.deliveries().stream()
                .filter(d -> d.attempt() == 1 && "repo:push".equals(d.eventKey())).toList();
        assertThat(pushes).hasSize(PUSHES);

        // A first wave, with redeliveries; killed once some output is out.
        for (int i = 0; i < PUSHES / 3; i++) {
            publish(pushes.get(i));
        }
        for (int i = 0; i < 10; i++) {
            publish(pushes.get(i));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> committed(Topics.REFS_V1).size() >= 5);
        connector.process().destroyForcibly().waitFor();
        int atKill = committed(Topics.REFS_V1).size();
        LOG.infof("Killed the connector with %d of %d ref records out", atKill, PUSHES);

        // The rest, and more redeliveries, while it is down; then it starts again.
        for (int i = PUSHES / 3; i < PUSHES; i++) {
            publish(pushes.get(i));
        }
        for (int i = 0; i < PUSHES; i += 15) {
            publish(pushes.get(i));
        }
        connector = startConnector();
        await().atMost(Duration.ofSeconds(120)).until(() -> committed(Topics.REFS_V1).size() >= PUSHES);
        Thread.sleep(3000); // anything duplicated would be out by now

        List<RefChangeEvent> refs = read(committed(Topics.REFS_V1), RefChangeEvent.class);
        List<CommitEvent> commits = read(committed(Topics.COMMITS_V1), CommitEvent.class);
        int uncommitted = TopicScanner.ofSharedKafka().readAll(Topics.REFS_V1).size();
        LOG.infof("After the restart: %d ref and %d commit records (read_committed); %d ref records in the log with"
                + " aborted attempts", refs.size(), commits.size(), uncommitted);

        assertThat(atKill).as("killed mid-stream").isLessThan(PUSHES);
        assertThat(refs).hasSize(PUSHES);
        assertThat(refs).extracting(r -> r.origin().eventId()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(pushes.stream().map(Delivery::requestId).toList());
        assertThat(commits).hasSize(2 * PUSHES);
        assertThat(commits).extracting(CommitEvent::hash).doesNotHaveDuplicates();
        assertThat(commits.stream().map(CommitEvent::hash).collect(Collectors.toSet())).containsAll(expectedCommits);
        assertThat(ids(committed(Topics.COMMITS_V1))).doesNotHaveDuplicates();
    }

    private static ServiceJar startConnector() {
        return ConnectorProcess.start(bitbucket, "http://127.0.0.1:" + sink.getAddress().getPort(), "crash-it",
                "connector-crash-it", Map.of("mp.messaging.incoming.enrichment.max.poll.records", "10"));
    }

    private static void publish(Delivery delivery) {
        raw.publish("crash", BitbucketFlavor.CLOUD, delivery.eventKey(), delivery.requestId(), "ws-crash/game",
                delivery.body());
    }

    private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
        return TopicScanner.ofSharedKafka().readCommitted(topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith("crash:")).toList();
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicScanner.header(r, CloudEvents.HEADER_ID)).toList();
    }

    private static <T> List<T> read(List<ConsumerRecord<String, byte[]>> records, Class<T> as) throws IOException {
        List<T> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            values.add(JSON.readValue(record.value(), as));
        }
        return values;
    }

    private static void api(String method, String path, String body, int expected) {
        ConnectorProcess.api(connector, method, path, body, expected);
    }
}
