package dev.bitbridge.trigger.crash;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.platform.kafka.TopicCreator;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 12 with two packaged replicas on one database and one consumer group: every request arrives twice, and the
 * replicas take due builds with {@code FOR UPDATE SKIP LOCKED}; still one Jenkins build per request, and one record
 * per state. The children's output is in {@code target/trigger-replica-<n>.log}.
 */
class TwoReplicasIT {

    private static final Logger LOG = Logger.getLogger(TwoReplicasIT.class);
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String DATABASE = "bitbridge_trigger_replicas";
    static final String TOKEN = "crash-it-admin-token-0123456789abcdef";
    static final String INTEGRATION = "replicas";
    static final String JOB = "app";
    static final int REQUESTS = 60;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    static JenkinsSimulator jenkins;
    static ServiceJar trigger;
    static ServiceJar other;
    static String database;

    @BeforeAll
    static void servers() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        }
        database = "localhost:" + pg.port() + "/" + DATABASE;
        assertThat(new TopicCreator("test", List.of(Topics.BUILD_REQUESTS_V1_SPEC, Topics.BUILDS_V1_SPEC),
                Map.of("bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())).ensure()).isTrue();
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(JOB, "BITBRIDGE_REQUEST_ID", "COMMIT");
    }

    @AfterAll
    static void stop() {
        for (ServiceJar replica : new ServiceJar[] { trigger, other }) {
            if (replica != null && replica.process().isAlive()) {
                replica.kill();
            }
        }
        if (jenkins != null) {
            jenkins.close();
        }
    }

    @Test
    void twoReplicasOnOneStreamBuildEachRequestOnce() throws Exception {
        trigger = start(1);
        other = start(2);
        put("/api/v1/integrations/" + INTEGRATION + "/jenkins-target", """
                {"baseUrl": "%s", "username": "bot", "credentialKind": "api-token", "secret": "bot-token",
                 "defaultJob": "%s"}""".formatted(jenkins.url(), JOB));
        jenkins.delays(Duration.ofMillis(300), Duration.ofMillis(500));
        List<BuildRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request("beef" + i));
        }
        send(requests);
        send(requests); // every request twice: redeliveries land on either replica

        TopicScanner topics = TopicScanner.ofSharedKafka();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> requests.stream()
                .allMatch(r -> finalState(topics, r.requestId())));
        LOG.infof("%d requests, each sent twice to two replicas: %d Jenkins POSTs", REQUESTS,
                jenkins.triggerCount(JOB));
        assertThat(jenkins.triggerCount(JOB)).as("one POST per request").isEqualTo(REQUESTS);
        assertThat(newRequests(trigger)).as("both replicas took requests").isPositive();
        assertThat(newRequests(other)).as("both replicas took requests").isPositive();
        assertThat(newRequests(trigger) + newRequests(other)).as("each stored once").isEqualTo(REQUESTS);
        assertThat(jenkins.builds(JOB)).hasSize(REQUESTS);
        for (BuildRequest request : requests) {
            List<BuildEvent> events = events(topics, request.requestId());
            assertThat(events).extracting(BuildEvent::state).as(request.requestId()).containsExactly(
                    BuildState.QUEUED, BuildState.INPROGRESS, BuildState.SUCCESSFUL);
        }
    }

    /** @return the replica's count of requests it stored as new */
    private static double newRequests(ServiceJar replica) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.managementUrl()
                .resolve("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("bitbridge_trigger_requests_total")
                && line.contains("outcome=\"new\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static boolean finalState(TopicScanner topics, String requestId) {
        List<BuildEvent> events = events(topics, requestId);
        return !events.isEmpty() && events.get(events.size() - 1).state().isFinal();
    }

    private static List<BuildEvent> events(TopicScanner topics, String requestId) {
        return topics.readAll(Topics.BUILDS_V1).stream().map(r -> {
            try {
                return JSON.readValue(r.value(), BuildEvent.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.requestId().equals(requestId)).toList();
    }

    /** Requests of eight repositories: their keys spread over the partitions, and so over both replicas. */
    private static BuildRequest request(String commit) {
        String repository = "acme/game-" + Math.floorMod(commit.hashCode(), 8);
        return new BuildRequest(BuildRequestIds.of(INTEGRATION, repository, commit, null, BuildRequestIds.COMMIT),
                INTEGRATION, "cloud", new Repository(repository, "game", null, null), commit, "main", null, null,
                BuildRequest.PUSH, List.of(), List.of(commit), List.of(), null, StatusKeys.of(null, null), null,
                Map.of(), OffsetDateTime.now(), null, BuildRequestIds.COMMIT);
    }

    private static void send(List<BuildRequest> requests) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (BuildRequest request : requests) {
                producer.send(new ProducerRecord<>(Topics.BUILD_REQUESTS_V1, RecordKeys.of(INTEGRATION,
                        request.repository().fullName()), JSON.writeValueAsBytes(request))).get();
            }
        }
    }

    private static void put(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                trigger.publicUrl().resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static ServiceJar start(int run) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        return ServiceJar.of(JAR)
                .property("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())
                .property("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database)
                .property("quarkus.datasource.reactive.url", "postgresql://" + database)
                .property("quarkus.datasource.username", pg.username())
                .property("quarkus.datasource.password", "postgres")
                .property("bitbridge.credentials.master-keys.test", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=")
                .property("bitbridge.credentials.active-master-key", "test")
                .property("bitbridge.trigger.api.admin-token", TOKEN)
                .property("bitbridge.trigger.dispatch.recover-after", "PT15S")
                .property("bitbridge.trigger.dispatch.request-timeout", "PT10S")
                .property("bitbridge.trigger.dispatch.not-found-grace", "PT2S")
                .property("bitbridge.trigger.tracking.initial-interval", "PT0.5S")
                .property("mp.messaging.incoming.build-requests.session.timeout.ms", "6000")
                .property("mp.messaging.incoming.build-requests.heartbeat.interval.ms", "1000")
                .log(Path.of("target/trigger-replica-" + run + ".log"))
                .start()
                .awaitReady(Duration.ofSeconds(90));
    }
}
