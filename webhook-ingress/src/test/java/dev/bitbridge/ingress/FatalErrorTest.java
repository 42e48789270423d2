package dev.bitbridge.ingress;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.ingress.lifecycle.RecordingProcessExit;
import dev.bitbridge.ingress.publish.FaultyIntake;
import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A JVM {@link Error} while handling a request is answered 500 like any failure, and then ends the process (here the
 * exit is recorded instead): liveness fails at once, so that even a process that cannot exit cleanly is restarted.
 */
@QuarkusTest
@TestProfile(FatalErrorTest.Fatal.class)
@QuarkusTestResource(KafkaTestResource.class)
class FatalErrorTest extends ReadyIngress {

    /** Its own application: after this test, the instance is (deliberately) broken. */
    public static class Fatal extends FaultInjection {
    }

    @Inject
    RecordingProcessExit exit;

    @Test
    void anErrorAnswers500AndEndsTheProcess() {
        Webhooks.cloud(newId(), FaultyIntake.FATAL).body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(500)
                .body("error", equalTo("internal_error"));

        assertThat(exit.statuses()).containsExactly(FatalErrors.EXIT_STATUS);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> management().get("/q/health/live").then()
                .statusCode(503)
                .body("checks.find { it.name == 'ingress-internals' }.data.fatal-error",
                        containsString("java.lang.StackOverflowError")));
        management().get("/q/health/ready").then().statusCode(503);
    }
}
