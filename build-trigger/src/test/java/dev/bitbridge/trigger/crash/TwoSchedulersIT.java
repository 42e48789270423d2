package dev.bitbridge.trigger.crash;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.jenkins.BuildView;
import dev.bitbridge.trigger.branches.ConnectorStub;

import static dev.bitbridge.trigger.crash.PackagedTrigger.JOB;
import static dev.bitbridge.trigger.crash.PackagedTrigger.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 13 with two packaged replicas on one database: three schedules fire every three seconds for about twenty
 * seconds, and both replicas look for due schedules every second. Each slot is built once — one Jenkins POST per slot,
 * no slot left out — and both replicas built some. The children's output is in
 * {@code target/trigger-scheduler-<n>.log}.
 */
@Tag("full-only") // ~70 s: runs in the full run (./mvnw verify -Dfull), README
class TwoSchedulersIT {

    private static final Logger LOG = Logger.getLogger(TwoSchedulersIT.class);
    static final String INTEGRATION = "schedulers";
    static final int SCHEDULES = 3;
    static final int EVERY_SECONDS = 3;
    static final Duration RUN = Duration.ofSeconds(20);
    static final String CONNECTOR_TOKEN = "connector-admin-token-0123456789abcdef";

    static PackagedTrigger service;
    static ConnectorStub connector;

    @BeforeAll
    static void servers() throws Exception {
        service = PackagedTrigger.prepare("bitbridge_trigger_schedulers", INTEGRATION);
        connector = new ConnectorStub(CONNECTOR_TOKEN);
        connector.integration(INTEGRATION, "datacenter");
        for (int i = 0; i < SCHEDULES; i++) {
            connector.point(INTEGRATION, repository(i), "main", head(i));
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void twoSchedulersOnOneDatabaseBuildEachSlotOnce() throws Exception {
        Map<String, String> properties = Map.of(
                "bitbridge.trigger.connector.url", connector.url(),
                "bitbridge.trigger.connector.api-token", CONNECTOR_TOKEN,
                "bitbridge.trigger.schedules.min-interval", "PT1S",
                // one schedule per pass: three schedules due at once are spread over both replicas' passes
                "bitbridge.trigger.schedules.batch-size", "1");
        ServiceJar first = service.start("trigger-scheduler-1", Duration.ofSeconds(15), Duration.ofSeconds(10),
                properties);
        ServiceJar second = service.start("trigger-scheduler-2", Duration.ofSeconds(15), Duration.ofSeconds(10),
                properties);
        service.target(first);

        Instant start = Instant.now();
        Map<String, String> bodies = new HashMap<>();
        for (int i = 0; i < SCHEDULES; i++) {
            String body = """
                    {"integration": "%s", "repository": "%s", "branch": "main", "cron": "*/%d * * * * *",
                     "enabled": %s}""";
            ServiceJar via = i % 2 == 0 ? first : second;
            JsonNode created = PackagedTrigger.JSON.readTree(call(via, "POST", "/api/v1/schedules",
                    body.formatted(INTEGRATION, repository(i), EVERY_SECONDS, "true"), 201));
            bodies.put(created.path("id").asText(), body.formatted(INTEGRATION, repository(i), EVERY_SECONDS,
                    "false"));
        }
        Thread.sleep(RUN.toMillis());
        for (Map.Entry<String, String> schedule : bodies.entrySet()) {
            call(second, "PUT", "/api/v1/schedules/" + schedule.getKey(), schedule.getValue(), 200);
        }
        Instant end = Instant.now();
        // Requests stored just before the schedules were disabled reach Jenkins: wait for every stored slot's POST.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> service.jenkins.triggerCount(JOB) >= built(first) + built(second));

        Map<String, String> slotOf = new HashMap<>(); // request id -> schedule id and slot
        List<String> ids = new ArrayList<>(bodies.keySet());
        for (String id : ids) {
            int i = Integer.parseInt(PackagedTrigger.JSON.readTree(bodies.get(id)).path("repository").asText()
                    .replace("acme/game-", ""));
            for (Instant slot = start.truncatedTo(ChronoUnit.SECONDS); !slot.isAfter(end); slot = slot.plusSeconds(1)) {
                slotOf.put(BuildRequestIds.of(INTEGRATION, repository(i), head(i), null, BuildRequestIds.schedule(id,
                        slot.toString())), id + " " + slot);
            }
        }
        List<BuildView> builds = service.jenkins.builds(JOB);
        Map<String, List<Instant>> built = new TreeMap<>();
        for (BuildView build : builds) {
            String slot = slotOf.get(build.parameters().get("BITBRIDGE_REQUEST_ID"));
            assertThat(slot).as("every build is the request of one slot of one schedule").isNotNull();
            String[] parts = slot.split(" ");
            built.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Instant.parse(parts[1]));
        }
        double byFirst = built(first);
        double bySecond = built(second);
        LOG.infof("%d schedules every %d s for %s on two replicas: %d Jenkins POSTs for %d builds; slots built by"
                + " the first %.0f, by the second %.0f", SCHEDULES, EVERY_SECONDS, RUN,
                service.jenkins.triggerCount(JOB), builds.size(), byFirst, bySecond);

        assertThat(service.jenkins.triggerCount(JOB)).as("one Jenkins POST per slot").isEqualTo(builds.size());
        assertThat(built).as("every schedule built").hasSize(SCHEDULES);
        for (Map.Entry<String, List<Instant>> schedule : built.entrySet()) {
            List<Instant> slots = schedule.getValue().stream().sorted().toList();
            assertThat(slots).as("each slot once").doesNotHaveDuplicates();
            assertThat(slots.size()).as("about %d s of slots every %d s", RUN.toSeconds(), EVERY_SECONDS)
                    .isGreaterThanOrEqualTo(4);
            for (int k = 1; k < slots.size(); k++) {
                assertThat(Duration.between(slots.get(k - 1), slots.get(k))).as("no slot of %s left out",
                        schedule.getKey()).isEqualTo(Duration.ofSeconds(EVERY_SECONDS));
            }
        }
        assertThat(first.process().isAlive()).isTrue();
        assertThat(second.process().isAlive()).isTrue();
        assertThat(byFirst).as("the first replica built slots").isPositive();
        assertThat(bySecond).as("the second replica built slots").isPositive();
        assertThat(byFirst + bySecond).as("each slot stored by one replica").isEqualTo(builds.size());
        assertThat(slots(first, "duplicate") + slots(second, "duplicate"))
                .as("no slot's request reached the store twice (a fenced-out attempt stores nothing and is not counted)")
                .isZero();
        for (BuildView build : builds) {
            String requestId = build.parameters().get("BITBRIDGE_REQUEST_ID");
            await().atMost(Duration.ofSeconds(60)).until(() -> service.finished(requestId));
            assertThat(service.events(requestId)).extracting(BuildEvent::state).as(requestId)
                    .containsExactly(BuildState.QUEUED, BuildState.INPROGRESS, BuildState.SUCCESSFUL);
            assertThat(service.events(requestId)).allSatisfy(event -> {
                assertThat(event.requestReason()).isEqualTo("schedule");
                assertThat(event.flavor()).isEqualTo("datacenter");
            });
        }
    }

    static String repository(int i) {
        return "acme/game-" + i;
    }

    static String head(int i) {
        return String.valueOf((char) ('a' + i)).repeat(40);
    }

    private static String call(ServiceJar replica, String method, String path, String body, int status)
            throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.publicUrl()
                .resolve(path)).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    /** @return the slots the replica built (stored as new requests) */
    private static double built(ServiceJar replica) throws Exception {
        return slots(replica, "built");
    }

    /** @return the replica's count of slots with this outcome */
    private static double slots(ServiceJar replica, String outcome) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.managementUrl()
                .resolve("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("bitbridge_trigger_schedule_slots_total")
                && line.contains("outcome=\"" + outcome + "\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
