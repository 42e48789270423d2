package dev.bitbridge.trigger.crash;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.ServiceJar;

import static dev.bitbridge.trigger.crash.PackagedTrigger.JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 12 with two packaged replicas on one database and one consumer group: every request arrives twice, and the
 * replicas take due builds with {@code FOR UPDATE SKIP LOCKED}; still one Jenkins build per request, and one record
 * per state. The children's output is in {@code target/trigger-replica-<n>.log}.
 */
@Tag("full-only") // ~70 s: runs in the full run (./mvnw verify -Dfull), README
class TwoReplicasIT {

    private static final Logger LOG = Logger.getLogger(TwoReplicasIT.class);
    static final int REQUESTS = 60;
    static final Duration RECOVER_AFTER = Duration.ofSeconds(15);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static PackagedTrigger service;

    @BeforeAll
    static void servers() throws Exception {
        service = PackagedTrigger.prepare("bitbridge_trigger_replicas", "replicas");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void twoReplicasOnOneStreamBuildEachRequestOnce() throws Exception {
        ServiceJar trigger = service.start("trigger-replica-1", RECOVER_AFTER, REQUEST_TIMEOUT);
        ServiceJar other = service.start("trigger-replica-2", RECOVER_AFTER, REQUEST_TIMEOUT);
        service.target(trigger);
        service.jenkins.delays(Duration.ofMillis(300), Duration.ofMillis(500));
        List<BuildRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String commit = "beef" + i;
            // eight repositories: their keys spread over the partitions, and so over both replicas
            requests.add(service.request(commit, "acme/game-" + Math.floorMod(commit.hashCode(), 8)));
        }
        service.send(requests);
        service.send(requests); // every request twice: redeliveries land on either replica

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> requests.stream()
                .allMatch(r -> service.finished(r.requestId())));
        LOG.infof("%d requests, each sent twice to two replicas: %d Jenkins POSTs", REQUESTS,
                service.jenkins.triggerCount(JOB));
        assertThat(service.jenkins.triggerCount(JOB)).as("one POST per request").isEqualTo(REQUESTS);
        assertThat(newRequests(trigger)).as("both replicas took requests").isPositive();
        assertThat(newRequests(other)).as("both replicas took requests").isPositive();
        assertThat(newRequests(trigger) + newRequests(other)).as("each stored once").isEqualTo(REQUESTS);
        assertThat(service.jenkins.builds(JOB)).hasSize(REQUESTS);
        for (BuildRequest request : requests) {
            assertThat(service.events(request.requestId())).extracting(BuildEvent::state).as(request.requestId())
                    .containsExactly(BuildState.QUEUED, BuildState.INPROGRESS, BuildState.SUCCESSFUL);
        }
    }

    /** @return the replica's count of requests it stored as new */
    private static double newRequests(ServiceJar replica) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.managementUrl()
                .resolve("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("bitbridge_trigger_requests_total")
                && line.contains("outcome=\"new\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
