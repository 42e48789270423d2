package dev.bitbridge.trigger.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.jenkins.BuildResult;

import static dev.bitbridge.trigger.crash.PackagedTrigger.JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracking survives a restart: the packaged service is killed with SIGKILL while 12 builds run in Jenkins; they end
 * while it is down (some succeed, some fail, one is aborted, one not built). A new process on the same database
 * follows each of them to its real result without posting anything again, and reports every state once.
 */
class RestartWhileRunningIT {

    static final int BUILDS = 12;
    static final Duration RECOVER_AFTER = Duration.ofSeconds(15);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static PackagedTrigger service;

    @BeforeAll
    static void servers() throws Exception {
        service = PackagedTrigger.prepare("bitbridge_trigger_restart", "restart");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void buildsThatEndWhileTheServiceIsDownAreFollowedToTheirResultAfterARestart() throws Exception {
        ServiceJar first = service.start("trigger-restart-1", RECOVER_AFTER, REQUEST_TIMEOUT);
        service.target(first);
        service.jenkins.delays(Duration.ofMillis(100), Duration.ofSeconds(12));
        service.jenkins.scriptResults(JOB, BuildResult.SUCCESS, BuildResult.FAILURE, BuildResult.SUCCESS,
                BuildResult.ABORTED, BuildResult.SUCCESS, BuildResult.NOT_BUILT, BuildResult.SUCCESS,
                BuildResult.UNSTABLE, BuildResult.SUCCESS, BuildResult.FAILURE, BuildResult.SUCCESS,
                BuildResult.SUCCESS);
        List<BuildRequest> requests = new ArrayList<>();
        for (int i = 0; i < BUILDS; i++) {
            requests.add(service.request("cafe" + i, "acme/restart-" + (i % 3)));
        }
        service.send(requests);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> requests.stream()
                .allMatch(r -> last(r) == BuildState.INPROGRESS));

        first.kill();
        // Every build ends in Jenkins while nothing follows it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> service.jenkins.builds(JOB).stream().noneMatch(b -> b.building()));
        assertThat(requests).allSatisfy(r -> assertThat(last(r)).isEqualTo(BuildState.INPROGRESS));

        service.start("trigger-restart-2", RECOVER_AFTER, REQUEST_TIMEOUT);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> requests.stream()
                .allMatch(r -> service.finished(r.requestId())));

        assertThat(service.jenkins.triggerCount(JOB)).as("nothing posted again").isEqualTo(BUILDS);
        Map<String, BuildState> byResult = new TreeMap<>();
        for (BuildRequest request : requests) {
            List<BuildEvent> events = service.events(request.requestId());
            int number = events.get(events.size() - 1).buildNumber();
            BuildResult result = service.jenkins.builds(JOB).stream().filter(b -> b.number() == number)
                    .findFirst().orElseThrow().result();
            BuildState expected = switch (result) {
                case SUCCESS -> BuildState.SUCCESSFUL;
                case ABORTED, NOT_BUILT -> BuildState.STOPPED;
                case FAILURE, UNSTABLE -> BuildState.FAILED;
            };
            assertThat(events).extracting(BuildEvent::state).as(request.requestId())
                    .containsExactly(BuildState.QUEUED, BuildState.INPROGRESS, expected);
            assertThat(events).extracting(BuildEvent::sequence).as(request.requestId()).doesNotHaveDuplicates();
            byResult.put(result + "#" + number, expected);
        }
        assertThat(byResult.values()).contains(BuildState.SUCCESSFUL, BuildState.FAILED, BuildState.STOPPED);
    }

    private static BuildState last(BuildRequest request) {
        List<BuildEvent> events = service.events(request.requestId());
        return events.isEmpty() ? null : events.get(events.size() - 1).state();
    }
}
