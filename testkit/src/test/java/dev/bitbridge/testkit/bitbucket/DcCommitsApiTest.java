package dev.bitbridge.testkit.bitbucket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Data Center commits, changes and pull requests over HTTP, against real answers. */
class DcCommitsApiTest {

    static final String COMMITS_FIXTURE = "jenkins-bbs/server/1.0-projects-amuniz-repos-test-repos-commits_since_"
            + "174561d625c9623b60d8aba09b7f08ddc9df45cd_until_feature_2Fdiffstat_start_0_limit_200.json";

    BitbucketSimulator bb;
    Account ada;
    RepoRef repo;
    String auth;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.dataCenter();
        ada = bb.addAccount("Ada Admin", "ada@example.com");
        repo = bb.createRepository("PRJ", "app");
        bb.credentials().dcUser(ada, "pw");
        bb.credentials().grant(ada, DcPermission.REPO_READ, "PRJ", "app");
        auth = Http.basic("ada", "pw");
    }

    @AfterEach
    void stop() {
        bb.close();
    }

    @Test
    void commitsSinceUntilHaveTheRealShapeAndPage() {
        String since = bb.push(repo, "main", NewCommit.unlinked(ada, "base"));
        String branch = "feature/diffstat-ü";
        String one = bb.push(repo, branch, NewCommit.unlinked(ada, "one"));
        String two = bb.push(repo, branch, NewCommit.unlinked(ada, "two\n"));

        JsonNode page = get("/commits?since=" + since + "&until=" + URLEncoder.encode(branch, StandardCharsets.UTF_8));
        FixtureShape.assertSameShape(page, FixtureShape.fixture(COMMITS_FIXTURE));
        assertThat(ids(page)).containsExactly(two, one);
        assertThat(page.at("/values/0/message").asText()).as("Data Center strips the trailing newline").isEqualTo("two");
        assertThat(page.at("/values/0/author/name").asText()).isEqualTo("Ada Admin");

        JsonNode first = get("/commits?until=" + URLEncoder.encode(branch, StandardCharsets.UTF_8) + "&limit=2");
        assertThat(first.get("isLastPage").asBoolean()).isFalse();
        assertThat(first.get("nextPageStart").asInt()).isEqualTo(2);
        JsonNode last = get("/commits?until=" + URLEncoder.encode(branch, StandardCharsets.UTF_8) + "&limit=2&start=2");
        assertThat(ids(last)).containsExactly(since);
        assertThat(last.get("isLastPage").asBoolean()).isTrue();
        assertThat(ids(get("/commits"))).as("until defaults to the default branch").containsExactly(since);
        assertThat(Http.get(url("/commits?until=nope"), auth).json().at("/errors/0/exceptionName").asText())
                .endsWith("NoSuchCommitException");
    }

    @Test
    void aCommitShowsLinkedUsersCommitterAndParents() {
        Account bob = bb.addAccount("Bob Roe", "bob@example.com");
        String parent = bb.push(repo, "main", NewCommit.by(ada, "base"));
        String hash = bb.push(repo, "main", NewCommit.by(bob, "patch").committedBy(ada));

        JsonNode commit = get("/commits/" + hash);
        FixtureShape.assertSameShape(commit, FixtureShape.fixture(COMMITS_FIXTURE).at("/values/0"));
        FixtureShape.assertSameShape(commit, FixtureShape.fixture("woodpecker/datacenter/HookPush.json")
                .at("/commits/0"));
        assertThat(commit.at("/author/name").asText()).isEqualTo("bob");
        assertThat(commit.at("/committer/name").asText()).isEqualTo("ada");
        assertThat(commit.at("/parents/0/id").asText()).isEqualTo(parent);
        assertThat(commit.get("authorTimestamp").isNumber()).isTrue();
        assertThat(get("/commits/" + hash.substring(0, 11)).get("id").asText()).isEqualTo(hash);
    }

    @Test
    void changesOfACommitAreAgainstItsParentOrSinceInTheRealShape() {
        String root = bb.push(repo, "main", NewCommit.by(ada, "start").adds(".gitignore", 2).adds("COPYING.txt", 5)
                .adds("README.md", 3));
        String hash = bb.push(repo, "main", NewCommit.by(ada, "change").removes(".gitignore")
                .modifies("COPYING.txt", 1, 1).renames("README.md", "docs/README.md").adds("main.go", 7));

        JsonNode page = get("/commits/" + hash + "/changes");
        JsonNode real = FixtureShape.fixture("go-scm/server/changes.json");
        FixtureShape.assertSameShape(FixtureShape.without(page, "values"), FixtureShape.without(real, "values"));
        assertThat(page.get("fromHash").isNull()).isTrue();
        assertThat(page.get("toHash").asText()).isEqualTo(hash);
        JsonNode values = page.get("values");
        assertThat(values).extracting(v -> v.get("type").asText()).containsExactly("DELETE", "MODIFY", "MOVE", "ADD");
        for (JsonNode v : values) {
            FixtureShape.assertSameShape(v, change(real, v.get("type").asText()));
        }
        assertThat(values.get(2).at("/srcPath/toString").asText()).isEqualTo("README.md");
        assertThat(values.get(2).at("/path/parent").asText()).isEqualTo("docs");
        assertThat(values.get(2).get("percentUnchanged").asInt()).isEqualTo(100);
        assertThat(values.get(2).at("/properties/gitChangeType").asText()).isEqualTo("RENAME");
        assertThat(values.get(3).get("fromContentId").asText()).isEqualTo("0".repeat(40));

        JsonNode since = get("/commits/" + hash + "/changes?since=" + root);
        assertThat(since.get("fromHash").asText()).isEqualTo(root);
        assertThat(get("/commits/" + root + "/changes").get("values")).extracting(v -> v.get("type").asText())
                .containsOnly("ADD");
    }

    @Test
    void pullRequestCommitsAndChanges() {
        bb.push(repo, "main", NewCommit.by(ada, "base").adds("app.py", 1));
        String one = bb.push(repo, "feature", NewCommit.by(ada, "one").adds("lib.py", 2));
        String two = bb.push(repo, "feature", NewCommit.by(ada, "two").modifies("app.py", 1, 0));
        int id = bb.openPullRequest(repo, "feature", repo, "main", ada, "Add lib");
        bb.push(repo, "main", NewCommit.by(ada, "meanwhile").adds("other.py", 1));

        JsonNode pr = get("/pull-requests/" + id);
        FixtureShape.assertSameShape(pr, FixtureShape.fixture("go-scm/server/pr_open.json").get("pullRequest"));
        assertThat(pr.at("/fromRef/latestCommit").asText()).isEqualTo(two);

        JsonNode commits = get("/pull-requests/" + id + "/commits");
        assertThat(ids(commits)).containsExactly(two, one);
        FixtureShape.assertSameShape(commits, FixtureShape.fixture(COMMITS_FIXTURE));

        JsonNode changes = get("/pull-requests/" + id + "/changes");
        assertThat(changes.get("values")).extracting(v -> v.get("type").asText() + " " + v.at("/path/toString")
                .asText()).containsExactly("MODIFY app.py", "ADD lib.py");
        FixtureShape.assertSameShape(changes.at("/values/1"), change(FixtureShape.fixture(
                "go-scm/server/changes.json"), "ADD"));
        JsonNode cut = get("/pull-requests/" + id + "/changes?limit=1&start=1");
        assertThat(cut.get("values")).as("not paged: start is ignored").extracting(v -> v.at("/path/toString")
                .asText()).containsExactly("app.py");
        assertThat(cut.get("isLastPage").asBoolean()).isFalse();
        assertThat(Http.get(url("/pull-requests/7"), auth).status()).isEqualTo(404);
    }

    @Test
    void readingCommitsNeedsRepoRead() {
        String hash = bb.push(repo, "main", NewCommit.by(ada, "base"));
        Account eve = bb.addAccount("Eve", "eve@example.com");
        bb.credentials().dcUser(eve, "pw");
        bb.push(repo, "feature", NewCommit.by(ada, "f"));
        int id = bb.openPullRequest(repo, "feature", repo, "main", ada, "PR");

        for (String path : new String[] { "/commits", "/commits/" + hash, "/commits/" + hash + "/changes",
                "/pull-requests/" + id, "/pull-requests/" + id + "/commits", "/pull-requests/" + id + "/changes" }) {
            Http.Answer refused = Http.get(url(path), Http.basic("eve", "pw"));
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.json().at("/errors/0/exceptionName").asText()).endsWith("AuthorisationException");
        }
    }

    private JsonNode get(String path) {
        Http.Answer answer = Http.get(url(path), auth);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String url(String path) {
        return bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app" + path;
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("values").forEach(v -> out.add(v.get("id").asText()));
        return out;
    }

    static JsonNode change(JsonNode realPage, String type) {
        for (JsonNode v : realPage.get("values")) {
            if (type.equals(v.get("type").asText())) {
                return v;
            }
        }
        throw new AssertionError("No " + type + " change in the fixture");
    }
}
