package dev.bitbridge.testkit.jenkins;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue item and its build, followed as jenkins.md "Following a build" describes, on the simulator's clock. */
class QueueLifecycleTest {

    private JenkinsSimulator jenkins;
    private JenkinsHttp bot;

    @BeforeEach
    void start() {
        jenkins = JenkinsSimulator.start().manualClock();
        jenkins.addUser("bot", "pw").apiToken("bot", "bot-token");
        jenkins.createJob("app", "COMMIT");
        jenkins.delays(Duration.ofSeconds(10), Duration.ofSeconds(60)).executableLag(Duration.ofSeconds(5));
        bot = JenkinsHttp.as(jenkins, "bot", "bot-token");
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @Test
    void anItemWaitsLeavesWithoutExecutableThenShowsItsBuildWhichRunsAndEnds() {
        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();

        JsonNode waiting = item(id);
        assertThat(waiting.get("_class").asText()).isEqualTo("hudson.model.Queue$BuildableItem");
        assertThat(waiting.get("why").asText()).isEqualTo("Waiting for next available executor");
        assertThat(waiting.get("blocked").asBoolean()).isFalse();
        assertThat(waiting.get("buildable").asBoolean()).isTrue();
        assertThat(waiting.has("executable")).isFalse();
        assertThat(waiting.has("cancelled")).isFalse();
        assertThat(waiting.get("id").asLong()).isEqualTo(id);
        assertThat(waiting.at("/task/name").asText()).isEqualTo("app");
        assertThat(waiting.at("/task/url").asText()).isEqualTo(jenkins.url() + "/job/app/");
        assertThat(waiting.at("/actions/0/_class").asText()).isEqualTo("hudson.model.ParametersAction");
        assertThat(waiting.at("/actions/0/parameters/0/value").asText()).isEqualTo("abc");

        jenkins.advanceClock(Duration.ofSeconds(10));
        JsonNode left = item(id);
        assertThat(left.get("_class").asText()).isEqualTo("hudson.model.Queue$LeftItem");
        assertThat(left.get("cancelled").asBoolean()).isFalse();
        assertThat(left.get("executable").isNull()).isTrue();
        assertThat(item(id).get("executable").isNull()).as("still null on the next poll").isTrue();

        jenkins.advanceClock(Duration.ofSeconds(5));
        JsonNode executable = item(id).get("executable");
        assertThat(executable.get("_class").asText()).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowRun");
        assertThat(executable.get("number").asInt()).isEqualTo(1);
        assertThat(executable.get("url").asText()).isEqualTo(jenkins.url() + "/job/app/1/");

        JsonNode building = bot.get("/job/app/1/api/json?tree=number,url,building,inProgress,result,duration,"
                + "timestamp,queueId").json();
        assertThat(building.get("building").asBoolean()).isTrue();
        assertThat(building.get("inProgress").asBoolean()).isTrue();
        assertThat(building.get("result").isNull()).isTrue();
        assertThat(building.get("duration").asLong()).isZero();
        assertThat(building.get("queueId").asLong()).isEqualTo(id);
        assertThat(building.has("actions")).as("tree keeps only what it names").isFalse();

        jenkins.advanceClock(Duration.ofSeconds(60));
        JsonNode done = bot.get("/job/app/1/api/json").json();
        assertThat(done.get("building").asBoolean()).isFalse();
        assertThat(done.get("result").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("duration").asLong()).isEqualTo(60_000);
        assertThat(done.at("/actions/0/parameters/0/name").asText()).isEqualTo("COMMIT");
    }

    @Test
    void aQuietPeriodShowsAWaitingItem() {
        jenkins.quietPeriod(Duration.ofSeconds(5));

        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();

        JsonNode waiting = item(id);
        assertThat(waiting.get("_class").asText()).isEqualTo("hudson.model.Queue$WaitingItem");
        assertThat(waiting.get("why").asText()).startsWith("In the quiet period. Expires in ");
        assertThat(waiting.get("buildable").asBoolean()).isFalse();
        assertThat(bot.get("/queue/api/json").json().get("items")).singleElement().satisfies(i -> assertThat(i.get(
                "id").asLong()).isEqualTo(id));
    }

    @Test
    void aResultCanShowWhileTheBuildStillRuns() {
        jenkins.scriptResults("app", BuildResult.UNSTABLE).resultWhileBuilding("app", Duration.ofSeconds(20));
        bot.post("/job/app/buildWithParameters?COMMIT=abc");
        jenkins.advanceClock(Duration.ofSeconds(15 + 30));

        JsonNode marked = bot.get("/job/app/1/api/json").json();

        assertThat(marked.get("result").asText()).isEqualTo("UNSTABLE");
        assertThat(marked.get("building").asBoolean()).isTrue();
        assertThat(marked.get("duration").asLong()).isZero();
        jenkins.advanceClock(Duration.ofSeconds(30));
        assertThat(bot.get("/job/app/1/api/json").json().get("building").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BuildResult.class)
    void everyFinalResultIsReported(BuildResult result) {
        jenkins.defaultResult("app", result);
        bot.post("/job/app/buildWithParameters?COMMIT=abc");
        jenkins.advanceClock(Duration.ofMinutes(2));

        assertThat(bot.get("/job/app/1/api/json").json().get("result").asText()).isEqualTo(result.name());
        assertThat(bot.get("/job/app/lastBuild/api/json").json().get("result").asText()).isEqualTo(result.name());
    }

    @Test
    void scriptedResultsComeInOrderThenTheDefault() {
        jenkins.delays(Duration.ZERO, Duration.ZERO).executableLag(Duration.ZERO);
        jenkins.scriptResults("app", BuildResult.FAILURE, BuildResult.NOT_BUILT);
        for (String commit : new String[] { "a", "b", "c" }) {
            bot.post("/job/app/buildWithParameters?COMMIT=" + commit);
        }

        assertThat(jenkins.builds("app")).extracting(BuildView::result).containsExactly(BuildResult.SUCCESS,
                BuildResult.NOT_BUILT, BuildResult.FAILURE);
    }

    @Test
    void instantModeFinishesByTheNextPoll() {
        jenkins.delays(Duration.ZERO, Duration.ZERO).executableLag(Duration.ZERO);

        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();

        assertThat(item(id).at("/executable/number").asInt()).isEqualTo(1);
        JsonNode build = bot.get("/job/app/1/api/json").json();
        assertThat(build.get("building").asBoolean()).isFalse();
        assertThat(build.get("result").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aCancelledItemLeavesAsCancelled() {
        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();

        JenkinsHttp.Answer cancel = bot.post("/queue/cancelItem?id=" + id);

        assertThat(cancel.status()).isEqualTo(204);
        JsonNode left = item(id);
        assertThat(left.get("_class").asText()).isEqualTo("hudson.model.Queue$LeftItem");
        assertThat(left.get("cancelled").asBoolean()).isTrue();
        assertThat(left.get("executable").isNull()).isTrue();
        jenkins.advanceClock(Duration.ofMinutes(2));
        assertThat(jenkins.builds("app")).isEmpty();
        assertThat(bot.post("/queue/cancelItem?id=" + id).status()).as("already left").isEqualTo(404);
    }

    @Test
    void cancellingAnUnknownItemIs404() {
        assertThat(bot.post("/queue/cancelItem?id=4242").status()).isEqualTo(404);
        assertThat(bot.get("/queue/cancelItem?id=4242").status()).isEqualTo(405);
    }

    @Test
    void leftItemsArePurgedAfterTheRetentionButTheBuildIsFoundByQueueId() {
        jenkins.leftItemRetention(Duration.ofMinutes(5));
        long other = bot.post("/job/app/buildWithParameters?COMMIT=other").queueId();
        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();
        jenkins.advanceClock(Duration.ofSeconds(15));
        assertThat(item(id).at("/executable/number").asInt()).isEqualTo(2);

        jenkins.advanceClock(Duration.ofMinutes(5));

        assertThat(bot.get("/queue/item/" + id + "/api/json").status()).isEqualTo(404);
        JsonNode builds = bot.get("/job/app/api/json?tree=builds[number,queueId,url,actions[parameters[name,value]]]")
                .json().get("builds");
        assertThat(builds).hasSize(2);
        JsonNode mine = builds.get(0);
        assertThat(mine.get("queueId").asLong()).isEqualTo(id);
        assertThat(mine.get("number").asInt()).isEqualTo(2);
        assertThat(mine.at("/actions/0/parameters/0/value").asText()).isEqualTo("abc");
        assertThat(builds.get(1).get("queueId").asLong()).isEqualTo(other);
    }

    @Test
    void eachLeftItemIsPurgedTheRetentionAfterItLeftWhicheverWasQueuedFirst() {
        jenkins.leftItemRetention(Duration.ofMinutes(5)).delays(Duration.ofMinutes(3), Duration.ZERO)
                .executableLag(Duration.ZERO);
        long started = bot.post("/job/app/buildWithParameters?COMMIT=a").queueId(); // leaves at +3 min
        jenkins.advanceClock(Duration.ofMinutes(1));
        long cancelled = bot.post("/job/app/buildWithParameters?COMMIT=b").queueId();
        assertThat(bot.post("/queue/cancelItem?id=" + cancelled).status()).isEqualTo(204); // leaves at +1 min
        long waiting = bot.post("/job/app/buildWithParameters?COMMIT=c").queueId(); // leaves at +4 min

        jenkins.advanceClock(Duration.ofMinutes(5)); // +6 min

        assertThat(bot.get("/queue/item/" + cancelled + "/api/json").status()).isEqualTo(404);
        assertThat(item(started).at("/executable/number").asInt()).isEqualTo(1);
        assertThat(item(waiting).at("/executable/number").asInt()).isEqualTo(2);
        jenkins.advanceClock(Duration.ofMinutes(2)); // +8 min: the first left at +3
        assertThat(bot.get("/queue/item/" + started + "/api/json").status()).isEqualTo(404);
        assertThat(item(waiting).at("/executable/number").asInt()).isEqualTo(2);
        jenkins.advanceClock(Duration.ofMinutes(1)); // +9 min
        assertThat(bot.get("/queue/item/" + waiting + "/api/json").status()).isEqualTo(404);
        assertThat(jenkins.builds("app")).extracting(BuildView::queueId).containsExactly(waiting, started);
        assertThat(jenkins.queuedItems()).isEmpty();
    }

    @Test
    void aRestartForgetsLeftItemsButKeepsWaitingOnesBuildsAndIds() {
        long left = bot.post("/job/app/buildWithParameters?COMMIT=a").queueId();
        jenkins.advanceClock(Duration.ofSeconds(20));
        long waiting = bot.post("/job/app/buildWithParameters?COMMIT=b").queueId();

        jenkins.restart();

        assertThat(bot.get("/queue/item/" + left + "/api/json").status()).isEqualTo(404);
        assertThat(item(waiting).get("_class").asText()).isEqualTo("hudson.model.Queue$BuildableItem");
        assertThat(jenkins.builds("app")).extracting(BuildView::queueId).containsExactly(left);
        assertThat(bot.post("/job/app/buildWithParameters?COMMIT=c").queueId()).isGreaterThan(waiting);
    }

    @Test
    void stoppingARunningBuildAbortsIt() {
        bot.post("/job/app/buildWithParameters?COMMIT=abc");
        jenkins.advanceClock(Duration.ofSeconds(20));

        JenkinsHttp.Answer stop = bot.post("/job/app/1/stop");

        assertThat(stop.status()).isEqualTo(302);
        assertThat(stop.header("Location")).isEqualTo(jenkins.url() + "/job/app/1/");
        JsonNode build = bot.get("/job/app/1/api/json").json();
        assertThat(build.get("building").asBoolean()).isFalse();
        assertThat(build.get("result").asText()).isEqualTo("ABORTED");
        assertThat(build.get("duration").asLong()).isEqualTo(5_000);
    }

    @Test
    void theJobShowsItsBuildsNewestFirstAndItsParameterDefinitions() {
        jenkins.delays(Duration.ZERO, Duration.ZERO).executableLag(Duration.ZERO);
        bot.post("/job/app/buildWithParameters?COMMIT=a");
        bot.post("/job/app/buildWithParameters?COMMIT=b");

        JsonNode job = bot.get("/job/app/api/json?depth=0").json();

        assertThat(job.get("_class").asText()).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowJob");
        assertThat(job.get("builds")).extracting(b -> b.get("number").asInt()).containsExactly(2, 1);
        assertThat(job.get("builds").get(0).has("queueId")).as("depth 0 shows number and url only").isFalse();
        assertThat(job.at("/lastBuild/number").asInt()).isEqualTo(2);
        assertThat(job.get("nextBuildNumber").asInt()).isEqualTo(3);
        assertThat(job.get("inQueue").asBoolean()).isFalse();
        assertThat(job.get("color").asText()).isEqualTo("blue");
        assertThat(job.has("allBuilds")).as("allBuilds only for a tree").isFalse();
        JsonNode definition = job.at("/property/0/parameterDefinitions/0");
        assertThat(job.at("/property/0/_class").asText()).isEqualTo("hudson.model.ParametersDefinitionProperty");
        assertThat(definition.get("name").asText()).isEqualTo("COMMIT");
        assertThat(definition.get("type").asText()).isEqualTo("StringParameterDefinition");
        assertThat(definition.at("/defaultParameterValue/value").asText()).isEmpty();
    }

    private JsonNode item(long id) {
        JenkinsHttp.Answer answer = bot.get("/queue/item/" + id + "/api/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
