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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.platform.kafka.TopicCreator;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged build-trigger as its process tests run it: a database of its own on the shared PostgreSQL, the shared
 * broker, a Jenkins simulator with one parameterised job, and helpers to start replicas, configure the Jenkins target,
 * send requests and read the build states back.
 */
final class PackagedTrigger implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String TOKEN = "crash-it-admin-token-0123456789abcdef";
    static final String JOB = "app";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    final JenkinsSimulator jenkins;
    private final String integration;
    private final String database;
    private final List<ServiceJar> replicas = new ArrayList<>();
    private final TopicScanner topics = TopicScanner.ofSharedKafka();

    private PackagedTrigger(String database, String integration) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        this.database = "localhost:" + pg.port() + "/" + database;
        this.integration = integration;
        assertThat(new TopicCreator("test", List.of(Topics.BUILD_REQUESTS_V1_SPEC, Topics.BUILDS_V1_SPEC),
                Map.of("bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())).ensure()).isTrue();
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(JOB, "BITBRIDGE_REQUEST_ID", "COMMIT");
    }

    /** @param database a database name of its own; created here */
    static PackagedTrigger prepare(String database, String integration) throws Exception {
        return new PackagedTrigger(database, integration);
    }

    /**
     * Starts a replica and waits until it is ready.
     *
     * @param log the name of its output file under {@code target/}
     * @param recoverAfter {@code dispatch.recover-after}
     * @param requestTimeout {@code dispatch.request-timeout}
     */
    ServiceJar start(String log, Duration recoverAfter, Duration requestTimeout) {
        return start(log, recoverAfter, requestTimeout, Map.of());
    }

    /**
     * Starts a replica with more configuration and waits until it is ready.
     *
     * @param properties further properties, e.g. the connector's URL for schedules
     */
    ServiceJar start(String log, Duration recoverAfter, Duration requestTimeout, Map<String, String> properties) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        ServiceJar.Builder builder = ServiceJar.of(JAR);
        properties.forEach(builder::property);
        ServiceJar replica = builder
                .property("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())
                .property("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database)
                .property("quarkus.datasource.reactive.url", "postgresql://" + database)
                .property("quarkus.datasource.username", pg.username())
                .property("quarkus.datasource.password", "postgres")
                .property("bitbridge.credentials.master-keys.test", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=")
                .property("bitbridge.credentials.active-master-key", "test")
                .property("bitbridge.trigger.api.admin-token", TOKEN)
                .property("bitbridge.trigger.dispatch.recover-after", recoverAfter.toString())
                .property("bitbridge.trigger.dispatch.request-timeout", requestTimeout.toString())
                .property("bitbridge.trigger.dispatch.not-found-grace", "PT2S")
                .property("bitbridge.trigger.tracking.initial-interval", "PT0.5S")
                .property("mp.messaging.incoming.build-requests.session.timeout.ms", "6000")
                .property("mp.messaging.incoming.build-requests.heartbeat.interval.ms", "1000")
                .log(Path.of("target/" + log + ".log"))
                .start()
                .awaitReady(Duration.ofSeconds(90));
        replicas.add(replica);
        return replica;
    }

    /** Points the integration at the simulator, through the replica's API. */
    void target(ServiceJar replica) throws Exception {
        String body = """
                {"baseUrl": "%s", "username": "bot", "credentialKind": "api-token", "secret": "bot-token",
                 "defaultJob": "%s"}""".formatted(jenkins.url(), JOB);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.publicUrl()
                .resolve("/api/v1/integrations/" + integration + "/jenkins-target"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** @return an automatic request for the commit in the repository, for the default job */
    BuildRequest request(String commit, String repository) {
        return new BuildRequest(BuildRequestIds.of(integration, repository, commit, null, BuildRequestIds.COMMIT),
                integration, "cloud", new Repository(repository, "game", null, null), commit, "main", null, null,
                BuildRequest.PUSH, List.of(), List.of(commit), List.of(), null, StatusKeys.of(null, null), null,
                Map.of(), OffsetDateTime.now(), null, BuildRequestIds.COMMIT);
    }

    void send(List<BuildRequest> requests) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (BuildRequest request : requests) {
                producer.send(new ProducerRecord<>(Topics.BUILD_REQUESTS_V1, RecordKeys.of(integration,
                        request.repository().fullName()), JSON.writeValueAsBytes(request))).get();
            }
        }
    }

    /** @return the request's build states, as written */
    List<BuildEvent> events(String requestId) {
        return topics.readAll(Topics.BUILDS_V1).stream().map(r -> {
            try {
                return JSON.readValue(r.value(), BuildEvent.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.requestId().equals(requestId)).toList();
    }

    /** @return whether the request's last state is final */
    boolean finished(String requestId) {
        List<BuildEvent> events = events(requestId);
        return !events.isEmpty() && events.get(events.size() - 1).state().isFinal();
    }

    @Override
    public void close() {
        for (ServiceJar replica : replicas) {
            if (replica.process().isAlive()) {
                replica.kill();
            }
        }
        jenkins.close();
    }
}
