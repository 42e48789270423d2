package dev.bitbridge.testkit.bitbucket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.model.BuildStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data Center build statuses by server version ({@link DcBuildStatusSupport}): what {@code /rest/capabilities}
 * announces, whether the repository-scoped {@code …/builds} exists and which states it takes, and the legacy endpoint
 * that every version keeps with its three states and field limits.
 */
class DcBuildStatusTest {

    BitbucketSimulator bb;
    RepoRef repo;
    String commit;
    String auth = Http.basic("ada", "pw");

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.dataCenter();
        Account ada = bb.addAccount("Ada Admin", "ada@example.com");
        repo = bb.createRepository("PRJ", "app");
        bb.credentials().dcUser(ada, "pw");
        bb.credentials().grant(ada, DcPermission.REPO_READ, "PRJ", "app");
        commit = bb.push(repo, "main", NewCommit.by(ada, "first"));
    }

    @AfterEach
    void stop() {
        bb.close();
    }

    @Test
    void byDefaultTheServerIsAnEightAndTakesCancelled() {
        JsonNode capabilities = Http.get(bb.baseUrl() + "/rest/capabilities", auth).json();
        assertThat(capabilities.path("application").asText()).isEqualTo("stash");
        String build = capabilities.at("/capabilities/build").asText();
        assertThat(build).isEqualTo(bb.serverUrl() + "/rest/api/latest/build/capabilities");
        assertThat(Http.get(build, auth).json().path("buildStatus")).extracting(JsonNode::asText)
                .containsExactly("richBuildStatus", "cancelledStatus", "unknownStatus");

        assertThat(postBuilds("CANCELLED").status()).isEqualTo(204);
        assertThat(postBuilds("UNKNOWN").status()).isEqualTo(204);
        assertThat(bb.buildStatuses(repo)).extracting(BuildStatus::state, BuildStatus::api, BuildStatus::ref)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UNKNOWN", "builds", "refs/heads/main"));
    }

    @Test
    void aSevenHasRichBuildStatusWithoutCancelled() {
        bb.dataCenterBuildStatuses(DcBuildStatusSupport.RICH);

        String build = Http.get(bb.baseUrl() + "/rest/capabilities", auth).json().at("/capabilities/build").asText();
        assertThat(Http.get(build, auth).json().path("buildStatus")).extracting(JsonNode::asText)
                .containsExactly("richBuildStatus");
        Http.Answer cancelled = postBuilds("CANCELLED");
        assertThat(cancelled.status()).isEqualTo(400);
        assertThat(cancelled.json().at("/errors/0/context").asText()).isEqualTo("state");
        assertThat(postBuilds("UNKNOWN").status()).isEqualTo(400);
        assertThat(bb.buildStatuses(repo)).isEmpty();

        assertThat(postBuilds("FAILED").status()).isEqualTo(204);
        assertThat(bb.buildStatuses(repo)).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("FAILED");
            assertThat(s.api()).isEqualTo("builds");
        });
    }

    @Test
    void beforeSevenFourOnlyTheLegacyEndpointExists() {
        bb.dataCenterBuildStatuses(DcBuildStatusSupport.LEGACY);

        JsonNode capabilities = Http.get(bb.baseUrl() + "/rest/capabilities", auth).json();
        assertThat(capabilities.path("application").asText()).isEqualTo("stash");
        assertThat(capabilities.path("capabilities").has("build")).isFalse();
        assertThat(Http.get(bb.baseUrl() + "/rest/api/latest/build/capabilities", auth).status()).isEqualTo(404);
        assertThat(postBuilds("SUCCESSFUL").status()).isEqualTo(404);

        assertThat(postLegacy("{\"key\":\"ci\",\"state\":\"SUCCESSFUL\",\"url\":\"https://ci/1\"}").status())
                .isEqualTo(204);
        assertThat(bb.buildStatuses(repo)).singleElement().satisfies(s -> {
            assertThat(s.api()).isEqualTo("legacy");
            assertThat(s.ref()).isNull();
        });
    }

    @Test
    void theLegacyEndpointKeepsItsThreeStatesAndLimitsInEveryVersion() {
        for (DcBuildStatusSupport support : DcBuildStatusSupport.values()) {
            bb.dataCenterBuildStatuses(support);
            assertThat(postLegacy("{\"key\":\"ci\",\"state\":\"CANCELLED\",\"url\":\"https://ci/1\"}").status())
                    .as(support.name()).isEqualTo(400);
            assertThat(postLegacy("{\"key\":\"ci\",\"state\":\"FAILED\",\"url\":\"https://ci/1\",\"name\":\""
                    + "n".repeat(256) + "\"}").status()).as(support.name()).isEqualTo(400);
            assertThat(postLegacy("{\"key\":\"ci\",\"state\":\"FAILED\",\"url\":\"https://ci/" + "u".repeat(440)
                    + "\"}").status()).as(support.name()).isEqualTo(400);
            assertThat(postLegacy("{\"key\":\"ci\",\"state\":\"FAILED\",\"url\":\"https://ci/1\",\"name\":\""
                    + "n".repeat(255) + "\"}").status()).as(support.name()).isEqualTo(204);
        }
    }

    private Http.Answer postBuilds(String state) {
        return Http.send("POST", bb.baseUrl() + "/rest/api/latest/projects/PRJ/repos/app/commits/" + commit
                + "/builds", auth,
                "{\"key\":\"ci\",\"state\":\"" + state + "\",\"url\":\"https://ci/1\","
                        + "\"ref\":\"refs/heads/main\"}",
                null);
    }

    private Http.Answer postLegacy(String body) {
        return Http.send("POST", bb.baseUrl() + "/rest/build-status/1.0/commits/" + commit, auth, body, null);
    }
}
