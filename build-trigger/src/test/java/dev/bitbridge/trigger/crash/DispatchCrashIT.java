package dev.bitbridge.trigger.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.ServiceJar;

import static dev.bitbridge.trigger.crash.PackagedTrigger.JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 12 against the packaged service: build-trigger is killed with SIGKILL after Jenkins queued its builds and before
 * their answers reached it (the simulator holds the answers back), so its rows say DISPATCHING with no queue item.
 * Started again, it looks for the requests in Jenkins, finds them, and follows them to their result: still one build
 * each. The children's output is in {@code target/trigger-crash-<run>.log}.
 */
class DispatchCrashIT {

    private static final Logger LOG = Logger.getLogger(DispatchCrashIT.class);
    /** As many as the simulator answers at once: every one is queued before the kill. */
    static final int REQUESTS = 4;
    static final Duration RECOVER_AFTER = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);

    static PackagedTrigger service;

    @BeforeAll
    static void servers() throws Exception {
        service = PackagedTrigger.prepare("bitbridge_trigger_crash", "crash");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void killedBetweenThePostAndItsAnswerItStillBuildsEachRequestOnce() throws Exception {
        ServiceJar trigger = service.start("trigger-crash-1", RECOVER_AFTER, REQUEST_TIMEOUT);
        service.target(trigger);
        service.jenkins.slowAnswers("/job/*/buildWithParameters", Duration.ofSeconds(20));
        service.jenkins.delays(Duration.ofSeconds(3), Duration.ZERO); // still queued when looked for: found there
        List<BuildRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(service.request("c0ffee" + i, "acme/game"));
        }
        service.send(requests);

        await().atMost(Duration.ofSeconds(30)).until(() -> service.jenkins.triggerCount(JOB) == REQUESTS);
        int status = trigger.kill();
        LOG.infof("Killed build-trigger (exit %d) with %d builds queued in Jenkins and no answer received", status,
                service.jenkins.triggerCount(JOB));
        service.jenkins.slowAnswers(null, Duration.ZERO);
        service.start("trigger-crash-2", RECOVER_AFTER, REQUEST_TIMEOUT);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> requests.stream()
                .allMatch(r -> service.finished(r.requestId())));
        assertThat(service.jenkins.triggerCount(JOB)).as("one POST per request, none after the restart")
                .isEqualTo(REQUESTS);
        assertThat(service.jenkins.builds(JOB)).hasSize(REQUESTS);
        for (BuildRequest request : requests) {
            List<BuildEvent> events = service.events(request.requestId());
            assertThat(events.get(events.size() - 1).state()).isEqualTo(BuildState.SUCCESSFUL);
            assertThat(events).extracting(BuildEvent::reason).anyMatch(r -> r.contains("after a lost answer"));
        }
    }
}
