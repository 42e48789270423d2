package dev.bitbridge.connector;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

import dev.bitbridge.connector.enrichment.FaultyNoticeEnricher;
import dev.bitbridge.connector.lifecycle.RecordingProcessExit;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.connector.enrichment.FaultyNoticeEnricher.FATAL_EVENT_ID;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A JVM {@link Error} while enriching a raw webhook is not a dead letter: liveness and readiness fail at once and the
 * process exits with status 70 (here the exit is recorded instead), so that a fresh process reads the record again
 * (ADR 7).
 */
@QuarkusTest
@TestProfile(FatalErrorTest.Fatal.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class FatalErrorTest {

    /** Its own application: after this test, the instance is (deliberately) broken. */
    public static class Fatal implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FaultyNoticeEnricher.class, RecordingProcessExit.class);
        }
    }

    static final RawWebhooks RAW = new RawWebhooks();
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    RecordingProcessExit exit;

    @AfterAll
    static void close() {
        RAW.close();
    }

    @Test
    void anErrorWhileEnrichingEndsTheProcessAndIsNotDeadLettered() {
        management().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'fatal-errors' }.status", equalTo("UP"));

        RAW.publish("fatal-error", BitbucketFlavor.CLOUD, "repo:push", FATAL_EVENT_ID, "ws-fatal/game",
                "{}".getBytes());

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(exit.statuses()).containsExactly(FatalErrors.EXIT_STATUS));
        management().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'fatal-errors' }.data.fatal-error", allOf(
                        containsString("enrichment of raw webhook " + FATAL_EVENT_ID),
                        containsString("java.lang.StackOverflowError")));
        management().get("/q/health/ready").then().statusCode(503);

        // Before this fix the Error became an internal_error dead letter within the same batch's transaction.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> deadLetters().isEmpty());
        assertThat(exit.statuses()).as("only the first fatal error exits").hasSize(1);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TOPICS.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1).stream()
                .filter(r -> FATAL_EVENT_ID.equals(TopicScanner.header(r, CloudEvents.HEADER_ID))).toList();
    }

    private RequestSpecification management() {
        return given().baseUri("http://" + managementUrl.getHost()).port(managementUrl.getPort());
    }
}
