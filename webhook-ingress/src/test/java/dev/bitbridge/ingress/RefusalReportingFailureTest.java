package dev.bitbridge.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.TopicRecords.delivery;
import static dev.bitbridge.ingress.TopicRecords.push;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * When refusal reports cannot be written (here: their topic was deleted, and the test broker does not create topics),
 * webhooks are answered as before, the ingress stays ready and live, and the lost reports are counted. Once the topic
 * is back, reports flow again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RefusalReportingFailureTest extends ReadyIngress {

    private static final String UNAVAILABLE = "bitbridge_ingress_refusal_reports_dropped_total{reason=\"kafka_unavailable\"}";
    private static final String PUBLISHED = "bitbridge_ingress_refusal_reports_published_total";

    private final ObjectMapper json;

    RefusalReportingFailureTest(ObjectMapper json) {
        this.json = json;
    }

    @Test
    void aBrokenReporterIsCountedButChangesNoAnswerAndNoHealth() throws Exception {
        String name = TopicRecords.freshName("unreported");
        try (TopicRecords records = new TopicRecords(json)) {
            records.write(new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("t"), null, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> delivery("t", null, newId(), push()).post(path(name)).then().statusCode(202));
        double unavailable = metric(UNAVAILABLE);

        try (Admin admin = Admin.create(adminProperties())) {
            admin.deleteTopics(List.of(Topics.WEBHOOK_REFUSALS_V1)).all().get();
            try {
                delivery("wrong", null, newId(), push()).post(path(name)).then().statusCode(401)
                        .body("error", equalTo("unauthorized"));
                delivery("t", null, newId(), push()).post(path(name)).then().statusCode(202);

                await().atMost(Duration.ofSeconds(15)).until(() -> metric(UNAVAILABLE) > unavailable);
                management().get("/q/health/ready").then().statusCode(200);
                management().get("/q/health/live").then().statusCode(200);
            } finally {
                recreate(admin);
            }
        }

        double published = metric(PUBLISHED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            delivery("wrong", null, newId(), push()).post(path(name)).then().statusCode(401);
            assertThat(metric(PUBLISHED)).isGreaterThan(published);
        });
    }

    private static void recreate(Admin admin) throws Exception {
        // Deletion completes in the background; creation is refused until it has.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            admin.createTopics(List.of(new NewTopic(Topics.WEBHOOK_REFUSALS_V1,
                    Optional.of(Topics.WEBHOOK_REFUSALS_V1_SPEC.partitions()), Optional.empty())
                    .configs(Topics.WEBHOOK_REFUSALS_V1_SPEC.configs()))).all().get();
            return true;
        });
    }

    private static Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        return props;
    }
}
