package dev.bitbridge.testkit.jenkins;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders nest as {@code /job/a/job/b}; branch jobs are named by branch-api's NameEncoder and encoded twice. */
class FoldersAndBranchesTest {

    private JenkinsSimulator jenkins;
    private JenkinsHttp bot;

    @BeforeEach
    void start() {
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bot", "pw").apiToken("bot", "bot-token");
        bot = JenkinsHttp.as(jenkins, "bot", "bot-token");
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "feature/foo|feature%2Ffoo", ".|%2E", "..|%2E.", "release/1.2|release%2F1.2",
            "a?b#c|a%3Fb%23c", "[x]|%5Bx%5D", "back\\slash|back%5Cslash", "100%|100%25", "main|main", "PR-7|PR-7" })
    void branchNamesAreEncodedAsBranchApiDoes(String branch, String job) {
        assertThat(BranchNames.encode(branch)).isEqualTo(job);
    }

    @Test
    void theEmptyBranchNameIsPercentZeroZero() {
        assertThat(BranchNames.encode("")).isEqualTo("%00");
    }

    @Test
    void aJobInNestedFoldersIsReachedThroughEachJobSegment() {
        jenkins.createJob("Games/Mobile/Client", "COMMIT");

        JenkinsHttp.Answer answer = bot.post("/job/Games/job/Mobile/job/Client/buildWithParameters?COMMIT=x");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode job = bot.get("/job/Games/job/Mobile/job/Client/api/json").json();
        assertThat(job.get("fullName").asText()).isEqualTo("Games/Mobile/Client");
        assertThat(job.get("fullDisplayName").asText()).isEqualTo("Games » Mobile » Client");
        assertThat(job.get("url").asText()).isEqualTo(jenkins.url() + "/job/Games/job/Mobile/job/Client/");
        JsonNode folder = bot.get("/job/Games/api/json").json();
        assertThat(folder.get("_class").asText()).isEqualTo("com.cloudbees.hudson.plugins.folder.Folder");
        assertThat(folder.at("/jobs/0/name").asText()).isEqualTo("Mobile");
        assertThat(bot.post("/job/Games/job/Client/buildWithParameters").status()).isEqualTo(404);
        assertThat(jenkins.builds("Games/Mobile/Client")).singleElement().satisfies(b -> assertThat(b.job())
                .isEqualTo("Games/Mobile/Client"));
    }

    @Test
    void aBranchJobIsReachedWithItsNameEncodedAgain() {
        jenkins.createMultibranch("repo");
        String job = jenkins.addBranch("repo", "feature/foo", "COMMIT");

        JenkinsHttp.Answer twice = bot.post("/job/repo/job/feature%252Ffoo/buildWithParameters?COMMIT=abc");
        JenkinsHttp.Answer once = bot.post("/job/repo/job/feature%2Ffoo/buildWithParameters?COMMIT=abc");
        JenkinsHttp.Answer raw = bot.post("/job/repo/job/feature/foo/buildWithParameters?COMMIT=abc");

        assertThat(job).isEqualTo("repo/feature%2Ffoo");
        assertThat(twice.status()).isEqualTo(201);
        assertThat(once.status()).isEqualTo(404);
        assertThat(raw.status()).isEqualTo(404);
        JsonNode json = bot.get("/job/repo/job/feature%252Ffoo/api/json").json();
        assertThat(json.get("name").asText()).isEqualTo("feature%2Ffoo");
        assertThat(json.get("displayName").asText()).isEqualTo("feature/foo");
        assertThat(json.get("url").asText()).isEqualTo(jenkins.url() + "/job/repo/job/feature%252Ffoo/");
        assertThat(bot.get("/job/repo/api/json").json().get("_class").asText()).isEqualTo(
                "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject");
    }

    @Test
    void pullRequestJobsAreNamedPrDashId() {
        jenkins.createMultibranch("repo");
        String job = jenkins.addPullRequest("repo", 42);

        assertThat(job).isEqualTo("repo/PR-42");
        assertThat(bot.post("/job/repo/job/PR-42/build").status()).isEqualTo(201);
        assertThat(jenkins.builds("repo/PR-42")).hasSize(1);
    }

    @Test
    void theBuildUrlOfABranchJobIsEncodedTwice() {
        jenkins.createMultibranch("repo");
        jenkins.addBranch("repo", "release/1.2");
        jenkins.delays(Duration.ZERO, Duration.ZERO);

        long id = bot.post("/job/repo/job/release%252F1.2/build").queueId();

        assertThat(bot.get("/queue/item/" + id + "/api/json").json().at("/executable/url").asText()).isEqualTo(
                jenkins.url() + "/job/repo/job/release%252F1.2/1/");
    }

    @Test
    void aFolderIsNotBuildable() {
        jenkins.createFolder("Games");

        assertThat(bot.post("/job/Games/build").status()).isEqualTo(404);
    }
}
