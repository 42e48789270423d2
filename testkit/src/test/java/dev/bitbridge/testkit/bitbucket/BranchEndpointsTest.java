package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One branch: Cloud's {@code refs/branches/{name}} (the name the rest of the path, its slash raw or encoded) and Data
 * Center's {@code branches?filterText=} (matches containing the text, the exact one first with
 * {@code boostMatches}).
 */
class BranchEndpointsTest {

    @Test
    void cloudAnswersOneBranchWithItsSlashRawOrEncoded() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            Account jane = bb.addAccount("Jane Doe", "jane@example.com");
            bb.credentials().apiToken(jane, "tok", "read:repository:bitbucket");
            RepoRef repo = bb.createRepository("acme", "api");
            bb.push(repo, "main", NewCommit.by(jane, "base"));
            String head = bb.push(repo, "feature/x", NewCommit.by(jane, "x"));
            String auth = Http.basic("jane@example.com", "tok");
            String branches = bb.baseUrl() + "/repositories/acme/api/refs/branches/";

            for (String path : List.of("feature/x", "feature%2Fx")) {
                Http.Answer answer = Http.get(branches + path, auth);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.json().get("name").asText()).isEqualTo("feature/x");
                assertThat(answer.json().at("/target/hash").asText()).isEqualTo(head);
                assertThat(answer.json().at("/links/self/href").asText()).endsWith("/refs/branches/feature/x");
            }
            Http.Answer missing = Http.get(branches + "nope", auth);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("type").asText()).isEqualTo("error");
            assertThat(Http.get(bb.baseUrl() + "/repositories/acme/nope/refs/branches/main", auth).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void dataCenterFiltersBranchesAndBoostsTheExactMatch() {
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter()) {
            Account ada = bb.addAccount("Ada Admin", "ada@example.com");
            bb.credentials().dcUser(ada, "pw");
            bb.credentials().grant(ada, DcPermission.REPO_READ, "PRJ", "app");
            RepoRef repo = bb.createRepository("PRJ", "app");
            bb.push(repo, "main", NewCommit.by(ada, "base"));
            bb.push(repo, "Feature/X-2", NewCommit.by(ada, "two"));
            String head = bb.push(repo, "feature/x", NewCommit.by(ada, "x"));
            String url = bb.baseUrl() + "/rest/api/latest/projects/PRJ/repos/app/branches?filterText=feature%2Fx";

            assertThat(names(Http.get(url, Http.basic("ada", "pw")).json())).as("contains, ignoring case")
                    .containsExactly("Feature/X-2", "feature/x");
            JsonNode boosted = Http.get(url + "&boostMatches=true", Http.basic("ada", "pw")).json();
            assertThat(names(boosted)).containsExactly("feature/x", "Feature/X-2");
            assertThat(boosted.at("/values/0/latestCommit").asText()).isEqualTo(head);
            assertThat(names(Http.get(bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app/branches",
                    Http.basic("ada", "pw")).json())).as("no filter: every branch").hasSize(3);
        }
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("values").forEach(v -> names.add(v.path("displayId").asText()));
        return names;
    }
}
