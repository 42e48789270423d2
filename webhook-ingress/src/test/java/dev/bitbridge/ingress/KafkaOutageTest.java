package dev.bitbridge.ingress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.cloud;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Never a 2xx for an event that is not in Kafka: while the broker is down every delivery gets a prompt 503. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class KafkaOutageTest extends ReadyIngress {

    @Test
    void deliveriesGet503WhileKafkaIsDownAndAreAcceptedWhenItReturns() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        List<String> refused = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 4; i++) {
                String id = newId();
                long began = System.nanoTime();
                Response response = cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"));
                long millis = (System.nanoTime() - began) / 1_000_000;

                assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isEqualTo("10");
                assertThat(response.jsonPath().getString("error")).isEqualTo("unavailable");
                assertThat(millis).as("answered before Bitbucket's 10 s timeout, within 5 s").isLessThan(5_000);
                refused.add(id);
            }
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> management().get("/q/health/ready").then().statusCode(503));
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> management().get("/q/health/ready").then().statusCode(200));
        TopicScanner topic = TopicScanner.ofSharedKafka();
        for (String id : refused) {
            assertThat(topic.readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id))
                    .as("a delivery answered 503 is not on the topic").isEmpty();
        }

        // Bitbucket's retry of a refused delivery now succeeds, once.
        String retried = refused.get(0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> cloud(retried, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                        .then().statusCode(202));
        cloud(retried, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202).body("duplicate", equalTo(true));
        cloud(newId(), "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).then().statusCode(202);
        assertThat(topic.readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, retried)).hasSize(1);
    }
}
