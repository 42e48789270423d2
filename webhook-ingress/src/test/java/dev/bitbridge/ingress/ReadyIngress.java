package dev.bitbridge.ingress;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Tests start where a load balancer would start sending traffic: once the ingress reports ready (topics created,
 * integrations view loaded, Kafka reachable). Start-up work runs in the background, so without this the first test
 * of a run would race it.
 */
public abstract class ReadyIngress {

    @BeforeEach
    void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
