package dev.bitbridge.testkit.bitbucket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.bitbridge.testkit.bitbucket.CloudCommitsApiTest.hashes;
import static org.assertj.core.api.Assertions.assertThat;

/** Cloud {@code /pullrequests/{id}}, its {@code /commits} and its {@code /diffstat} redirect, over HTTP. */
class CloudPullRequestsApiTest {

    BitbucketSimulator bb;
    Account jane;
    RepoRef repo;
    String auth;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.cloud();
        jane = bb.addAccount("Jane Doe", "jane@example.com");
        bb.credentials().apiToken(jane, "tok", "read:repository:bitbucket", "read:pullrequest:bitbucket");
        repo = bb.createRepository("acme", "api");
        auth = Http.basic("jane@example.com", "tok");
        bb.push(repo, "main", NewCommit.by(jane, "base").adds("app.py", 10));
    }

    @AfterEach
    void stop() {
        bb.close();
    }

    @Test
    void pullRequestHasTheRealShapeAndLinksItsDiffstatLikeBitbucket() {
        String source = bb.push(repo, "feature", NewCommit.by(jane, "work").adds("lib.py", 3));
        int id = bb.openPullRequest(repo, "feature", repo, "main", jane, "Add lib");

        JsonNode pr = get("/pullrequests/" + id);
        FixtureShape.assertSameShape(pr, FixtureShape.fixture("go-scm/cloud/pr.json"));
        assertThat(pr.at("/source/commit/hash").asText()).isEqualTo(source.substring(0, 12));
        assertThat(pr.at("/links/diffstat/href").asText()).isEqualTo(bb.baseUrl()
                + "/repositories/acme/api/diffstat/acme/api:" + source.substring(0, 12) + "%0D"
                + bb.head(repo, "main").substring(0, 12) + "?from_pullrequest_id=" + id + "&topic=true");
        assertThat(Http.get(url("/pullrequests/99"), auth).status()).isEqualTo(404);
    }

    @Test
    void commitsAreTheSourcesNotOnTheDestinationEvenAfterTheMerge() {
        String one = bb.push(repo, "feature", NewCommit.by(jane, "one").adds("lib.py", 3));
        String two = bb.push(repo, "feature", NewCommit.by(jane, "two").modifies("lib.py", 1, 0));
        int id = bb.openPullRequest(repo, "feature", repo, "main", jane, "Add lib");
        bb.push(repo, "main", NewCommit.by(jane, "meanwhile").adds("other.py", 1));

        JsonNode commits = get("/pullrequests/" + id + "/commits");
        assertThat(hashes(commits)).containsExactly(two, one);
        FixtureShape.assertSameShape(commits, FixtureShape.fixture(CloudCommitsApiTest.COMMITS_FIXTURE));

        String merge = bb.merge(repo, id, jane);
        assertThat(hashes(get("/pullrequests/" + id + "/commits"))).containsExactly(two, one);
        JsonNode mergeCommit = get("/commit/" + merge);
        assertThat(mergeCommit.get("parents")).extracting(p -> p.get("hash").asText()).hasSize(2).endsWith(two);
        assertThat(get("/diffstat/" + merge).get("values")).extracting(v -> v.at("/new/path").asText())
                .containsExactly("lib.py");
    }

    @Test
    void diffstatRedirectsToTheRepositoryDiffstatOfTheMergeBase() {
        bb.push(repo, "feature", NewCommit.by(jane, "work").adds("lib.py", 3).modifies("app.py", 2, 2));
        int id = bb.openPullRequest(repo, "feature", repo, "main", jane, "Add lib");
        bb.push(repo, "main", NewCommit.by(jane, "meanwhile").adds("other.py", 1));

        Http.Answer redirect = Http.get(url("/pullrequests/" + id + "/diffstat"), auth);
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("/2.0/repositories/acme/api/diffstat/acme/api:").contains("%0D")
                .contains("from_pullrequest_id=" + id);

        Http.Answer followed = Http.get(location, auth);
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.json().get("values")).extracting(v -> v.get("status").asText() + " " + v.at("/new/path")
                .asText()).containsExactly("modified app.py", "added lib.py");
        assertThat(bb.requestCount("GET", "/2.0/repositories/acme/api/diffstat/**")).isEqualTo(1);
    }

    @Test
    void aPullRequestFromAForkNamesTheForkInItsSpec() {
        RepoRef fork = bb.fork(repo, "jane", "api-fork");
        String head = bb.push(fork, "fix", NewCommit.by(jane, "fix").modifies("app.py", 1, 1));
        int id = bb.openPullRequest(fork, "fix", repo, "main", jane, "Fix from a fork");

        assertThat(hashes(get("/pullrequests/" + id + "/commits"))).containsExactly(head);
        String location = Http.get(url("/pullrequests/" + id + "/diffstat"), auth).header("Location");
        assertThat(location).contains("/diffstat/jane/api-fork:" + head.substring(0, 12) + "%0D");
        assertThat(Http.get(location, auth).json().get("values")).extracting(v -> v.at("/new/path").asText())
                .containsExactly("app.py");
    }

    @Test
    void pullRequestEndpointsNeedThePullRequestReadScope() {
        bb.push(repo, "feature", NewCommit.by(jane, "work"));
        int id = bb.openPullRequest(repo, "feature", repo, "main", jane, "PR");
        bb.credentials().apiToken(jane, "repo-only", "read:repository:bitbucket");
        String repoOnly = Http.basic("jane@example.com", "repo-only");

        for (String path : new String[] { "", "/commits", "/diffstat" }) {
            Http.Answer refused = Http.get(url("/pullrequests/" + id + path), repoOnly);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().at("/error/detail/required/0").asText()).isEqualTo("read:pullrequest:bitbucket");
        }
    }

    private JsonNode get(String path) {
        Http.Answer answer = Http.get(url(path), auth);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String url(String path) {
        return bb.baseUrl() + "/repositories/acme/api" + path;
    }
}
