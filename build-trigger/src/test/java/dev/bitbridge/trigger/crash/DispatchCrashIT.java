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
 * each. A POST whose answer did not come in time makes build-trigger wait for that Jenkins ({@code JenkinsGate}), so
 * the requests not yet posted at the kill wait as PENDING and are posted by the next process. The children's output
 * is in {@code target/trigger-crash-<run>.log}.
 */
class DispatchCrashIT {

    private static final Logger LOG = Logger.getLogger(DispatchCrashIT.class);
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

        await().atMost(Duration.ofSeconds(30)).until(() -> service.jenkins.triggerCount(JOB) >= 1);
        int status = trigger.kill();
        // Read after the kill: every POST that reached Jenkins was made by the killed process, none answered yet.
        int postedBeforeKill = service.jenkins.triggerCount(JOB);
        LOG.infof("Killed build-trigger (exit %d) with %d builds queued in Jenkins and no answer received", status,
                postedBeforeKill);
        service.jenkins.slowAnswers(null, Duration.ZERO);
        service.start("trigger-crash-2", RECOVER_AFTER, REQUEST_TIMEOUT);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> requests.stream()
                .allMatch(r -> service.finished(r.requestId())));
        assertThat(service.jenkins.triggerCount(JOB)).as("one POST per request: those in flight at the kill were found,"
                + " not posted again").isEqualTo(REQUESTS);
        assertThat(service.jenkins.builds(JOB)).hasSize(REQUESTS);
        int recovered = 0;
        for (BuildRequest request : requests) {
            List<BuildEvent> events = service.events(request.requestId());
            assertThat(events.get(events.size() - 1).state()).isEqualTo(BuildState.SUCCESSFUL);
            if (events.stream().anyMatch(e -> e.reason() != null && e.reason().contains("after a lost answer"))) {
                recovered++;
            }
        }
        assertThat(recovered).as("builds found in Jenkins after their answer was lost: those posted before the kill")
                .isEqualTo(postedBeforeKill);
    }
}
