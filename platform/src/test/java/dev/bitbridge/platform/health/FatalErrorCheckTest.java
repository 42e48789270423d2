package dev.bitbridge.platform.health;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.platform.lifecycle.RecordingProcessExit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * In a running application: an Error that nobody catches, in a thread of its own, reaches FatalErrors through the
 * handler installed at start; liveness and readiness fail, and the process is asked to exit with status 70 (here the
 * exit is recorded instead).
 */
@QuarkusTest
@TestProfile(FatalErrorCheckTest.RecordedExit.class)
class FatalErrorCheckTest {

    /** Its own application: after this test, the instance is (deliberately) broken. */
    public static class RecordedExit implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RecordingProcessExit.class);
        }
    }

    @Inject
    RecordingProcessExit exit;

    @Test
    void anUncaughtErrorFailsHealthAndEndsTheProcess() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'fatal-errors' }.status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200);

        Thread doomed = new Thread(() -> {
            throw new StackOverflowError();
        }, "doomed-worker");
        doomed.start();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(exit.statuses())
                .containsExactly(FatalErrors.EXIT_STATUS));
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'fatal-errors' }.data.fatal-error",
                        equalTo("thread doomed-worker: java.lang.StackOverflowError"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'fatal-errors' }.status", equalTo("DOWN"));
    }
}
