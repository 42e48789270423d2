package dev.bitbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.testkit.KafkaTestResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Health tells the truth when the reader of the integrations topic dies: without it, revoked tokens would stay valid.
 * Liveness fails (the orchestrator restarts the process) and readiness fails, while Kafka itself is fine.
 */
@QuarkusTest
@TestProfile(ReaderDeathTest.OwnInstance.class)
@QuarkusTestResource(KafkaTestResource.class)
class ReaderDeathTest extends ReadyIngress {

    /** An instance of its own: this test breaks it for good. */
    public static class OwnInstance implements QuarkusTestProfile {
    }

    @Test
    void livenessAndReadinessFail() {
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("webhook-ingress-integrations") && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no integrations reader thread"));

        reader.interrupt();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> management().get("/q/health/live").then()
                .statusCode(503)
                .body("checks.find { it.name == 'ingress-internals' }.data.integrations-reader",
                        containsString("has ended")));
        management().get("/q/health/ready").then().statusCode(503);
        assertThat(reader.isAlive()).isFalse();
    }
}
