package dev.bitbridge.connector.enrichment;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.PostgresTestResource;

import static dev.bitbridge.connector.enrichment.PausingNoticeEnricher.PAUSED_EVENT_ID;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch whose Kafka transaction cannot commit because the consumer group rebalanced meanwhile — what a broker
 * restart mid-stream does. SmallRye aborts the transaction and completes normally (a silent abort, ADR 11); the
 * consumer goes back to the committed offsets and the batch is read again. The enrichment consumer must live on: once
 * it failed such a batch, SmallRye closed the consumer for good (the channel gone, readiness down, liveness up,
 * nothing enriched any more; seen in the e2e FaultsIT's full run).
 */
@QuarkusTest
@TestProfile(RebalanceDuringTransactionTest.Pausing.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class RebalanceDuringTransactionTest {

    /** Its own application, with the pausing enricher. */
    public static class Pausing implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(PausingNoticeEnricher.class);
        }
    }

    static final RawWebhooks RAW = new RawWebhooks();

    @Inject
    PausingNoticeEnricher enricher;
    @Inject
    MeterRegistry meters;
    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @AfterAll
    static void close() {
        RAW.close();
    }

    @Test
    void aTransactionAbortedByARebalanceIsReadAgainAndTheConsumerLivesOn() throws Exception {
        double handledBefore = handled();
        RAW.publish("rebalance", BitbucketFlavor.CLOUD, "repo:push", PAUSED_EVENT_ID, "ws-rebalance/game",
                "{}".getBytes());
        assertThat(enricher.reached().await(60, TimeUnit.SECONDS)).as("the batch is being enriched").isTrue();

        // Another member joins the connector's group while that batch's transaction is open: a new generation.
        try (KafkaConsumer<byte[], byte[]> intruder = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bitbucket-connector-enrichment",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            intruder.subscribe(List.of(Topics.WEBHOOKS_V1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (intruder.assignment().isEmpty() && System.nanoTime() < deadline) {
                intruder.poll(Duration.ofMillis(200));
            }
            assertThat(intruder.assignment()).as("the group rebalanced").isNotEmpty();
            enricher.release();
            await().atMost(Duration.ofSeconds(60)).until(() -> silentAborts() >= 1);
        } // it leaves: the group rebalances again, and the connector gets every partition back

        // The batch was counted once in the aborted transaction; it is read again, either while the intruder is still
        // in the group (the consumer kept its partition) or once it left.
        await().atMost(Duration.ofSeconds(60)).until(() -> handled() >= handledBefore + 2);
        RAW.publish("rebalance", BitbucketFlavor.CLOUD, "repo:push", java.util.UUID.randomUUID().toString(),
                "ws-rebalance/game",
                "{}".getBytes());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(handled())
                .as("the aborted batch read again, then the next webhook: the consumer lives on")
                .isGreaterThanOrEqualTo(handledBefore + 3));
        given().baseUri("http://" + managementUrl.getHost()).port(managementUrl.getPort())
                .get("/q/health/ready").then().statusCode(200);
    }

    private double handled() {
        return meters.find("bitbridge.connector.enrichment.events").counters().stream().mapToDouble(Counter::count)
                .sum();
    }

    private double silentAborts() {
        Counter counter = meters.find("bitbridge.connector.enrichment.silent-aborts").counter();
        return counter == null ? 0 : counter.count();
    }
}
