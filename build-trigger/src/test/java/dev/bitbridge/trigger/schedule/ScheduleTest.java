package dev.bitbridge.trigger.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.platform.work.SinglePass;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.jenkins.BuildView;
import dev.bitbridge.testkit.jenkins.InjectJenkins;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.jenkins.JenkinsSimulatorResource;
import dev.bitbridge.trigger.branches.ConnectorStub;
import dev.bitbridge.trigger.branches.ConnectorStubResource;
import dev.bitbridge.trigger.dispatch.TriggerTopicsResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules against the real broker and PostgreSQL, the Jenkins simulator and a connector stub: each slot builds the
 * branch's head once, a moved branch builds its new head, an unknown branch skips its slots saying why, a slot waits
 * for an absent connector and builds once when it answers, and slots missed while build-trigger was down follow the
 * schedule's policy. Each test uses an integration of its own and deletes its schedules.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
@QuarkusTestResource(JenkinsSimulatorResource.class)
@QuarkusTestResource(value = ConnectorStubResource.class, restrictToAnnotatedClass = true)
class ScheduleTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final String REPOSITORY = "acme/game";
    static final String HEAD = "1111111111111111111111111111111111111111";
    static final String MOVED = "2222222222222222222222222222222222222222";
    static final Duration WAIT = Duration.ofSeconds(40);

    @InjectJenkins
    JenkinsSimulator jenkins;
    ConnectorStub connector;
    @Inject
    ObjectMapper json;
    @Inject
    DueSchedules due;
    @Inject
    SlotFiring firing;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = JenkinsSimulatorResource.URL_KEY)
    String jenkinsUrl;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    private final TopicScanner topics = TopicScanner.ofSharedKafka();
    private final List<String> created = new ArrayList<>();
    private String integration;
    private String job;

    @BeforeEach
    void target() {
        integration = "sch-" + UUID.randomUUID().toString().substring(0, 8);
        job = "nightly-" + integration;
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(job, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "BUILD_REASON", "REQUESTED_BY", "SUITE");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", jenkinsUrl, "username",
                "bot", "credentialKind", "api-token", "secret", "bot-token", "defaultJob", job))
                .put("/api/v1/integrations/" + integration + "/jenkins-target")
                .then().statusCode(200);
        connector.failWith(0);
        connector.integration(integration, "cloud");
        connector.point(integration, REPOSITORY, "main", HEAD);
    }

    @AfterEach
    void deleteSchedules() {
        connector.failWith(0);
        created.forEach(id -> given().auth().oauth2(TOKEN).delete("/api/v1/schedules/" + id));
    }

    @Test
    void eachSlotBuildsTheBranchHeadOnceAndAMovedBranchItsNewHead() throws Exception {
        String id = create(schedule("*/2 * * * * *", Map.of("SUITE", "full"))).path("id");

        await().atMost(WAIT).until(() -> jenkins.builds(job).size() >= 2);
        connector.point(integration, REPOSITORY, "main", MOVED);
        await().atMost(WAIT).until(() -> jenkins.builds(job).stream()
                .anyMatch(b -> MOVED.equals(b.parameters().get("COMMIT"))));
        disable(id);
        Thread.sleep(1500); // a firing that was under way when it was disabled is dropped, or recorded: either way once

        Map<String, Instant> slots = slotsOfRequests(id, Instant.now().minusSeconds(120), Instant.now(), 2, HEAD,
                MOVED);
        List<BuildView> builds = jenkins.builds(job);
        List<Instant> built = new ArrayList<>();
        for (BuildView build : builds) {
            String requestId = build.parameters().get("BITBRIDGE_REQUEST_ID");
            assertThat(slots).as("every build is the request of one slot").containsKey(requestId);
            built.add(slots.get(requestId));
            assertThat(build.parameters()).containsEntry("BRANCH", "main").containsEntry("BUILD_REASON", "schedule")
                    .containsEntry("REQUESTED_BY", "schedule").containsEntry("SUITE", "full");
        }
        assertThat(jenkins.triggerCount(job)).as("one POST per slot").isEqualTo(builds.size());
        assertThat(built).as("every slot once").doesNotHaveDuplicates();
        List<Instant> ordered = built.stream().sorted().toList();
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(Duration.between(ordered.get(i - 1), ordered.get(i))).as("no slot left out")
                    .isEqualTo(Duration.ofSeconds(2));
        }
        List<String> commits = builds.stream().sorted((a, b) -> slots.get(a.parameters().get("BITBRIDGE_REQUEST_ID"))
                .compareTo(slots.get(b.parameters().get("BITBRIDGE_REQUEST_ID"))))
                .map(b -> b.parameters().get("COMMIT")).toList();
        assertThat(commits).startsWith(HEAD, HEAD).endsWith(MOVED);
        assertThat(commits.subList(commits.indexOf(MOVED), commits.size())).as("once moved, the new head")
                .containsOnly(MOVED);

        JsonPath view = get(id);
        Instant last = ordered.get(ordered.size() - 1);
        assertThat(Instant.parse(view.getString("lastSlotAt"))).isEqualTo(last);
        assertThat(view.getString("lastRequestId")).isEqualTo(BuildRequestIds.of(integration, REPOSITORY, MOVED, null,
                BuildRequestIds.schedule(id, last.toString())));
        assertThat(view.getString("nextSlotAt")).as("disabled").isNull();

        for (BuildView build : builds) {
            String requestId = build.parameters().get("BITBRIDGE_REQUEST_ID");
            List<BuildEvent> events = await().atMost(WAIT).until(() -> events(requestId),
                    e -> !e.isEmpty() && e.get(e.size() - 1).state().isFinal());
            assertThat(events).extracting(BuildEvent::state).containsExactly(BuildState.QUEUED,
                    BuildState.INPROGRESS, BuildState.SUCCESSFUL);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.requestReason()).isEqualTo(BuildRequest.SCHEDULE);
                assertThat(event.flavor()).isEqualTo("cloud");
                assertThat(event.branch()).isEqualTo("main");
                assertThat(event.statusKey()).as("the key of the default job it built")
                        .isEqualTo(StatusKeys.of(event.job(), null)).isNotEqualTo("jenkins");
                assertThat(event.requestedBy()).isNull();
            });
        }
    }

    @Test
    void anUnknownBranchSkipsItsSlotsAndTheScheduleSaysWhy() {
        // Created disabled, so that no slot can fire before the branch is gone; enabling it does not ask the connector.
        Map<String, Object> body = schedule("*/2 * * * * *", Map.of());
        body.put("enabled", false);
        String id = create(body).path("id");
        connector.remove(integration, REPOSITORY, "main");
        enabled(id, true);

        JsonPath view = await().atMost(WAIT).until(() -> get(id), v -> v.getString("lastError") != null);
        assertThat(view.getString("lastError")).contains("not built", "Bitbucket has no branch main");
        Instant skipped = Instant.parse(view.getString("lastErrorSlot"));
        await().atMost(WAIT).until(() -> Instant.parse(get(id).getString("nextSlotAt")).isAfter(skipped.plusSeconds(
                2)));
        assertThat(jenkins.triggerCount(job)).as("nothing built").isZero();
        assertThat(get(id).getString("lastSlotAt")).isNull();
    }

    @Test
    void whileTheConnectorIsAwayASlotWaitsAndBuildsOnceWhenItAnswers() throws Exception {
        String id = create(schedule("*/10 * * * * *", Map.of())).path("id");
        connector.failWith(503);

        JsonPath waiting = await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> get(id),
                v -> v.getString("lastError") != null);
        connector.failWith(0);
        assertThat(waiting.getString("lastError")).contains("waiting for the connector");
        Instant slot = Instant.parse(waiting.getString("lastErrorSlot"));
        assertThat(Instant.parse(waiting.getString("nextSlotAt"))).as("the slot stays due").isEqualTo(slot);
        String requestId = BuildRequestIds.of(integration, REPOSITORY, HEAD, null, BuildRequestIds.schedule(id,
                slot.toString()));

        await().atMost(WAIT).until(() -> jenkins.builds(job).stream()
                .anyMatch(b -> requestId.equals(b.parameters().get("BITBRIDGE_REQUEST_ID"))));
        disable(id);
        Thread.sleep(1500);
        assertThat(jenkins.builds(job)).filteredOn(b -> requestId.equals(b.parameters().get("BITBRIDGE_REQUEST_ID")))
                .as("the waiting slot built once").hasSize(1);
        assertThat(Instant.parse(get(id).getString("lastSlotAt"))).isAfterOrEqualTo(slot);
    }

    @Test
    void afterDowntimeLatestBuildsTheMostRecentMissedSlotOnceAndSkipBuildsNone() throws Exception {
        // a daily schedule whose time was half an hour ago: its last three slots were missed while "down"
        ZonedDateTime recent = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        String cron = recent.getMinute() + " " + recent.getHour() + " * * *";
        Map<String, Object> latest = schedule(cron, Map.of());
        Map<String, Object> skip = new HashMap<>(latest);
        skip.put("missedSlots", "skip");
        String latestId = create(latest).path("id");
        String skipId = create(skip).path("id");
        Instant missedFrom = recent.minusDays(2).toInstant();
        goneSince(latestId, missedFrom);
        goneSince(skipId, missedFrom);

        JsonPath caughtUp = await().atMost(WAIT).until(() -> get(latestId), v -> v.getString("lastSlotAt") != null);
        JsonPath skipped = await().atMost(WAIT).until(() -> get(skipId), v -> v.getString("lastError") != null);
        Thread.sleep(1500);

        Instant mostRecent = recent.toInstant();
        assertThat(Instant.parse(caughtUp.getString("lastSlotAt"))).isEqualTo(mostRecent);
        assertThat(caughtUp.getString("lastError")).contains("'latest' builds the most recent one only");
        assertThat(Instant.parse(caughtUp.getString("lastErrorSlot"))).isEqualTo(missedFrom);
        assertThat(Instant.parse(caughtUp.getString("nextSlotAt"))).isEqualTo(mostRecent.plus(Duration.ofDays(1)));
        assertThat(jenkins.builds(job)).extracting(b -> b.parameters().get("BITBRIDGE_REQUEST_ID"))
                .as("one build, for the most recent missed slot of 'latest'; none for 'skip'")
                .containsExactly(BuildRequestIds.of(integration, REPOSITORY, HEAD, null, BuildRequestIds.schedule(
                        latestId, mostRecent.toString())));

        assertThat(skipped.getString("lastSlotAt")).isNull();
        assertThat(skipped.getString("lastError")).contains("from " + missedFrom, "to " + mostRecent, "'skip'");
        assertThat(Instant.parse(skipped.getString("nextSlotAt"))).isEqualTo(mostRecent.plus(Duration.ofDays(1)));
    }

    @Test
    void aReplicaWhoseLeaseRanOutOrWhoseScheduleChangedRecordsNothing() throws Exception {
        String id = create(schedule("0 2 * * *", Map.of())).path("id");
        Instant now = Instant.now();
        Instant slot = now.minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        // due for this test's claims only: the slot is on time, and due_at an hour past the poller's now
        dueFor(id, slot, now.plus(Duration.ofHours(1)));
        ScheduleClaim stale = claim(id, now.plus(Duration.ofHours(2)));
        ScheduleClaim changed = claim(id, now.plus(Duration.ofHours(3))); // the first lease ran out: taken again
        fire(stale);
        assertThat(get(id).getString("lastSlotAt")).as("a lease that ran out records nothing").isNull();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(schedule("0 2 * * *", Map.of("SUITE",
                "smoke"))).put("/api/v1/schedules/" + id).then().statusCode(200); // its lease stays, not its revision
        fire(changed);
        assertThat(get(id).getString("lastSlotAt")).as("a change since the claim: nothing recorded").isNull();
        dueFor(id, slot, now.plus(Duration.ofHours(4)));
        ScheduleClaim fresh = claim(id, now.plus(Duration.ofHours(5)));
        fire(fresh);
        fire(stale);
        String requestId = BuildRequestIds.of(integration, REPOSITORY, HEAD, null, BuildRequestIds.schedule(id,
                slot.toString()));
        await().atMost(WAIT).until(() -> jenkins.triggerCount(job) > 0);
        Thread.sleep(1000);
        assertThat(jenkins.builds(job)).extracting(b -> b.parameters().get("BITBRIDGE_REQUEST_ID"))
                .containsExactly(requestId);
        assertThat(Instant.parse(get(id).getString("lastSlotAt"))).isEqualTo(slot);
    }

    @Test
    void schedulesAreCreatedReadListedChangedAndDeleted() {
        Response response = create(schedule("0 2 * * MON-FRI", Map.of("SUITE", "smoke")));
        String id = response.path("id");
        assertThat(response.header("Location")).isEqualTo("/api/v1/schedules/" + id);
        JsonPath view = get(id);
        assertThat(view.getString("integration")).isEqualTo(integration);
        assertThat(view.getString("timeZone")).isEqualTo("UTC");
        assertThat(view.getString("missedSlots")).isEqualTo("latest");
        assertThat(view.getBoolean("enabled")).isTrue();
        assertThat(view.getMap("parameters")).containsEntry("SUITE", "smoke");
        assertThat(Instant.parse(view.getString("nextSlotAt"))).isAfter(Instant.now());

        JsonPath page = given().auth().oauth2(TOKEN).queryParam("integration", integration)
                .queryParam("repository", REPOSITORY).get("/api/v1/schedules").then().statusCode(200).extract()
                .jsonPath();
        assertThat(page.getList("schedules.id")).containsExactly(id);

        Map<String, Object> changed = schedule("0 2 * * *", Map.of());
        changed.put("timeZone", "Europe/Berlin");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(changed).put("/api/v1/schedules/" + id)
                .then().statusCode(200);
        JsonPath after = get(id);
        assertThat(after.getString("cron")).isEqualTo("0 2 * * *");
        assertThat(after.getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(after.getMap("parameters")).isEmpty();
        assertThat(ZonedDateTime.ofInstant(Instant.parse(after.getString("nextSlotAt")),
                java.time.ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(2);

        given().auth().oauth2(TOKEN).delete("/api/v1/schedules/" + id).then().statusCode(204);
        given().auth().oauth2(TOKEN).get("/api/v1/schedules/" + id).then().statusCode(404);
        given().auth().oauth2(TOKEN).delete("/api/v1/schedules/" + id).then().statusCode(404);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswerAndNothingIsStored() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("integration", "Not_An_Integration");
        bad.put("repository", "no-slash");
        bad.put("branch", "refs/heads/main");
        bad.put("job", "job/Games/job/Client");
        bad.put("cron", "H 2 * * *");
        bad.put("timeZone", "+02:00");
        bad.put("parameters", Map.of("BITBRIDGE_REQUEST_ID", "x", "COMMIT", "y", "no spaces", "z"));
        bad.put("missedSlots", "all");
        int before = count();

        JsonPath answer = refused(bad, 400);
        assertThat(answer.getString("error")).isEqualTo("invalid_request");
        assertThat(answer.getList("fields.field")).containsExactlyInAnyOrder("integration", "repository", "branch",
                "job", "cron", "timeZone", "parameters.BITBRIDGE_REQUEST_ID", "parameters.COMMIT",
                "parameters.no spaces", "missedSlots");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCronThatNeverFiresOrIsNotCronIsRefused() {
        assertThat(problem(with("cron", "0 0 30 2 *"), "cron")).contains("never fires");
        assertThat(problem(with("cron", "0 2 * *"), "cron")).contains("has 4 fields");
        assertThat(problem(with("cron", "@reboot"), "cron")).contains("nickname");
        assertThat(problem(with("timeZone", "Mars/Olympus"), "timeZone")).contains("IANA");
    }

    @Test
    void whatTheDatabaseAndTheConnectorKnowIsCheckedBeforeAnythingIsStored() {
        int before = count();
        Map<String, Object> noTarget = with("integration", "nobody-" + integration);
        assertThat(problem(noTarget, "repository")).contains("no Jenkins target", "jenkins-target");

        connector.remove(integration, REPOSITORY, "main");
        assertThat(problem(schedule("0 2 * * *", Map.of()), "branch")).contains("cannot be found",
                "Bitbucket has no branch main");
        connector.point(integration, REPOSITORY, "main", HEAD);

        String stranger = "stranger-" + integration;
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("baseUrl", jenkinsUrl, "username",
                "bot", "credentialKind", "api-token", "secret", "bot-token"))
                .put("/api/v1/integrations/" + stranger + "/jenkins-target").then().statusCode(200);
        assertThat(problem(with("integration", stranger), "job")).contains("no default job");
        Map<String, Object> withJob = with("integration", stranger);
        withJob.put("job", job);
        assertThat(problem(withJob, "integration")).contains("not an integration of the connector");

        connector.failWith(503);
        JsonPath away = refused(schedule("0 2 * * *", Map.of()), 503);
        assertThat(away.getString("error")).isEqualTo("connector_unavailable");
        assertThat(away.getString("detail")).contains("nothing was stored");
        connector.failWith(0);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aChangeThatIsRefusedChangesNothing() {
        String id = create(schedule("0 2 * * *", Map.of("SUITE", "smoke"))).path("id");
        JsonPath before = get(id);
        Map<String, Object> bad = schedule("0 0 30 2 *", Map.of());
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(bad).put("/api/v1/schedules/" + id)
                .then().statusCode(400);
        assertThat(get(id).getMap("$")).isEqualTo(before.getMap("$"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"cron\": \"0 2 * * *\", \"color\": 1}")
                .put("/api/v1/schedules/" + id).then().statusCode(400);
        given().contentType(ContentType.JSON).body(schedule("0 3 * * *", Map.of())).put("/api/v1/schedules/" + id)
                .then().statusCode(401);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(schedule("0 3 * * *", Map.of()))
                .put("/api/v1/schedules/no-such-schedule").then().statusCode(404);
        assertThat(get(id).getMap("$")).isEqualTo(before.getMap("$"));
    }

    Map<String, Object> schedule(String cron, Map<String, String> parameters) {
        Map<String, Object> body = new HashMap<>();
        body.put("integration", integration);
        body.put("repository", REPOSITORY);
        body.put("branch", "main");
        body.put("cron", cron);
        body.put("parameters", parameters);
        return body;
    }

    private Map<String, Object> with(String field, String value) {
        Map<String, Object> body = schedule("0 2 * * *", Map.of());
        body.put(field, value);
        return body;
    }

    private Response create(Map<String, Object> body) {
        Response response = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schedules");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        created.add(response.path("id"));
        return response;
    }

    private JsonPath refused(Map<String, Object> body, int status) {
        Response response = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/schedules");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        return response.jsonPath();
    }

    /** @return the problem of the one field refused */
    private String problem(Map<String, Object> body, String field) {
        JsonPath answer = refused(body, 400);
        assertThat(answer.getList("fields.field")).containsExactly(field);
        return answer.getString("fields[0].problem");
    }

    private JsonPath get(String id) {
        return given().auth().oauth2(TOKEN).get("/api/v1/schedules/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private void disable(String id) {
        enabled(id, false);
    }

    private void enabled(String id, boolean enabled) {
        Map<String, Object> body = new HashMap<>(get(id).getMap("$"));
        body.keySet().retainAll(List.of("integration", "repository", "branch", "job", "cron", "timeZone",
                "parameters", "missedSlots", "description"));
        body.put("enabled", enabled);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body).put("/api/v1/schedules/" + id)
                .then().statusCode(200);
    }

    private int count() {
        return given().auth().oauth2(TOKEN).queryParam("limit", 500).get("/api/v1/schedules").then().statusCode(200)
                .extract().jsonPath().getList("schedules").size();
    }

    private ScheduleClaim claim(String id, Instant at) {
        return SinglePass.isolated(vertx, () -> due.claim(at)).await().atMost(WAIT).stream()
                .filter(c -> c.schedule().id.equals(id)).findFirst().orElseThrow();
    }

    private void fire(ScheduleClaim claim) {
        SinglePass.isolated(vertx, () -> firing.fire(claim)).await().atMost(WAIT);
    }

    private void dueFor(String id, Instant slot, Instant dueAt) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, "postgres");
                PreparedStatement update = connection.prepareStatement(
                        "update build_schedule set next_slot_at = ?, due_at = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(slot));
            update.setTimestamp(2, Timestamp.from(dueAt));
            update.setString(3, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Makes it look as if build-trigger had been down since {@code since}: the schedule's next slot is then. */
    private void goneSince(String id, Instant since) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, "postgres");
                PreparedStatement update = connection.prepareStatement(
                        "update build_schedule set next_slot_at = ?, due_at = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(since));
            update.setTimestamp(2, Timestamp.from(since));
            update.setString(3, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** @return the request id each slot of a schedule every {@code everySeconds} would have, for each head */
    private Map<String, Instant> slotsOfRequests(String id, Instant from, Instant to, int everySeconds,
            String... heads) {
        Map<String, Instant> slots = new HashMap<>();
        Instant slot = from.truncatedTo(ChronoUnit.SECONDS);
        slot = slot.minusSeconds(slot.getEpochSecond() % everySeconds);
        for (; !slot.isAfter(to); slot = slot.plusSeconds(everySeconds)) {
            for (String head : heads) {
                slots.put(BuildRequestIds.of(integration, REPOSITORY, head, null, BuildRequestIds.schedule(id,
                        slot.toString())), slot);
            }
        }
        return slots;
    }

    private List<BuildEvent> events(String requestId) {
        return topics.readAll(Topics.BUILDS_V1).stream().map(r -> {
            try {
                return json.readValue(r.value(), BuildEvent.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.requestId().equals(requestId)).toList();
    }
}
