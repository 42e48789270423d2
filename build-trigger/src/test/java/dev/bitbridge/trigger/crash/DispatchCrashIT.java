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
 * ADR 12 against the packaged service: build-trigger is killed with SIGKILL after Jenkins queued its builds and before
 * their answers reached it (the simulator holds the answers back), so its rows say DISPATCHING with no queue item.
 * Started again, it looks for the requests in Jenkins, finds them, and follows them to their result: still one build
 * each. The children's output is in {@code target/trigger-crash-<run>.log}.
 */
class DispatchCrashIT {

    private static final Logger LOG = Logger.getLogger(DispatchCrashIT.class);
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String DATABASE = "bitbridge_trigger_crash";
    static final String TOKEN = "crash-it-admin-token-0123456789abcdef";
    static final String INTEGRATION = "crash";
    static final String JOB = "app";
    /** As many as the simulator answers at once: every one is queued before the kill. */
    static final int REQUESTS = 4;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    static JenkinsSimulator jenkins;
    static ServiceJar trigger;
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
        if (trigger != null && trigger.process().isAlive()) {
            trigger.kill();
        }
        if (jenkins != null) {
            jenkins.close();
        }
    }

    @Test
    void killedBetweenThePostAndItsAnswerItStillBuildsEachRequestOnce() throws Exception {
        trigger = start(1);
        put("/api/v1/integrations/" + INTEGRATION + "/jenkins-target", """
                {"baseUrl": "%s", "username": "bot", "credentialKind": "api-token", "secret": "bot-token",
                 "defaultJob": "%s"}""".formatted(jenkins.url(), JOB));
        jenkins.slowAnswers("/job/*/buildWithParameters", Duration.ofSeconds(20));
        jenkins.delays(Duration.ofSeconds(3), Duration.ZERO); // still queued when looked for: found in the queue
        List<BuildRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request("c0ffee" + i));
        }
        send(requests);

        await().atMost(Duration.ofSeconds(30)).until(() -> jenkins.triggerCount(JOB) == REQUESTS);
        int status = trigger.kill();
        LOG.infof("Killed build-trigger (exit %d) with %d builds queued in Jenkins and no answer received", status,
                jenkins.triggerCount(JOB));
        jenkins.slowAnswers(null, Duration.ZERO);
        trigger = start(2);

        TopicScanner topics = TopicScanner.ofSharedKafka();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> requests.stream()
                .allMatch(r -> finalState(topics, r.requestId())));
        assertThat(jenkins.triggerCount(JOB)).as("one POST per request, none after the restart").isEqualTo(REQUESTS);
        assertThat(jenkins.builds(JOB)).hasSize(REQUESTS);
        for (BuildRequest request : requests) {
            List<BuildEvent> events = events(topics, request.requestId());
            assertThat(events.get(events.size() - 1).state()).isEqualTo(BuildState.SUCCESSFUL);
            assertThat(events).extracting(BuildEvent::reason).anyMatch(r -> r.contains("after a lost answer"));
        }
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

    private static BuildRequest request(String commit) {
        String repository = "acme/game";
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
                .property("bitbridge.trigger.dispatch.recover-after", "PT5S")
                .property("bitbridge.trigger.dispatch.request-timeout", "PT4S")
                .property("bitbridge.trigger.dispatch.not-found-grace", "PT2S")
                .property("bitbridge.trigger.tracking.initial-interval", "PT0.5S")
                .property("mp.messaging.incoming.build-requests.session.timeout.ms", "6000")
                .property("mp.messaging.incoming.build-requests.heartbeat.interval.ms", "1000")
                .log(Path.of("target/trigger-crash-" + run + ".log"))
                .start()
                .awaitReady(Duration.ofSeconds(90));
    }
}
