package dev.bitbridge.ingress;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

import dev.bitbridge.ingress.publish.RawWebhookPublisher;
import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Health tells the truth when the Kafka producer dies while Kafka itself is fine: liveness fails (the orchestrator
 * restarts the process), readiness fails (no traffic meanwhile), and no delivery is answered 202.
 */
@QuarkusTest
@TestProfile(ProducerDeathTest.OwnInstance.class)
@QuarkusTestResource(KafkaTestResource.class)
class ProducerDeathTest extends ReadyIngress {

    /** An instance of its own: this test breaks it for good. */
    public static class OwnInstance implements QuarkusTestProfile {
    }

    @Inject
    KafkaClientService clients;

    @Test
    void livenessAndReadinessFailAndNothingIsAccepted() {
        clients.getProducer(RawWebhookPublisher.CHANNEL).unwrap().close();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> management().get("/q/health/live").then()
                .statusCode(503)
                .body("checks.find { it.name == 'ingress-internals' }.data.kafka-producer",
                        containsString("I/O thread is not running")));
        management().get("/q/health/ready").then().statusCode(503);
        int status = Webhooks.cloud(newId(), "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain")).statusCode();
        assertThat(status).as("never a 202 for an event not in Kafka").isEqualTo(503);
    }
}
