package dev.bitbridge.trigger.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.jenkins.InjectJenkins;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.jenkins.JenkinsSimulatorResource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A backlog larger than a dispatch batch is dispatched batch after batch, not one batch per scheduled pass: with a
 * batch of 5 and the scheduled pass a minute apart, 40 requests stored at once all reach Jenkins within seconds.
 */
@QuarkusTest
@TestProfile(DispatchBacklogTest.SmallBatches.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
@QuarkusTestResource(JenkinsSimulatorResource.class)
class DispatchBacklogTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final int REQUESTS = 40;

    /** Batches of 5; the scheduled pass, which would otherwise take the rest, a minute apart. */
    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitbridge.trigger.dispatch.batch-size", "5",
                    "bitbridge.trigger.dispatch.poll-interval", "PT1M");
        }
    }

    @InjectJenkins
    JenkinsSimulator jenkins;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = JenkinsSimulatorResource.URL_KEY)
    String jenkinsUrl;

    @Test
    void aBacklogIsDispatchedBatchAfterBatchWithoutWaitingForTheScheduledPass() throws Exception {
        String integration = "backlog-" + UUID.randomUUID().toString().substring(0, 8);
        String job = "app-" + integration;
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(job, "BITBRIDGE_REQUEST_ID", "COMMIT");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", jenkinsUrl, "username",
                "bot", "credentialKind", "api-token", "secret", "bot-token", "defaultJob", job))
                .put("/api/v1/integrations/" + integration + "/jenkins-target")
                .then().statusCode(200);

        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < REQUESTS; i++) {
                BuildRequest request = request(integration, String.format("%040x", i + 1));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUILD_REQUESTS_V1,
                        RecordKeys.of(integration, request.repository().fullName()), json.writeValueAsBytes(request));
                record.headers().add(CloudEvents.HEADER_TYPE, BuildRequest.TYPE.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> jenkins.triggerCount(job) == REQUESTS);
    }

    private static BuildRequest request(String integration, String commit) {
        String repository = "acme/game";
        return new BuildRequest(BuildRequestIds.of(integration, repository, commit, null, BuildRequestIds.COMMIT),
                integration, "cloud", new Repository(repository, "game", null, null), commit, "main", null, null,
                BuildRequest.PUSH, List.of(new BuildRequest.Trigger("tag", "#ci", commit)), List.of(commit),
                List.of(), null, StatusKeys.of(null, null), null, Map.of(), OffsetDateTime.now(), null,
                BuildRequestIds.COMMIT);
    }
}
