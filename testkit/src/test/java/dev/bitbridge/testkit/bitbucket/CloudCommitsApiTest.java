package dev.bitbridge.testkit.bitbucket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloud {@code /commits}, {@code /commit/{hash}} and {@code /diffstat/{spec}} over HTTP, against real answers. */
class CloudCommitsApiTest {

    static final String COMMITS_FIXTURE = "jenkins-bbs/cloud/2.0-repositories-amuniz-test-repos-commits_include_"
            + "feature_2Fdiffstat_exclude_174561d.json";
    static final String DIFFSTAT_FIXTURE = "jenkins-bbs/cloud/2.0-repositories-amuniz-test-repos-diffstat-feature_"
            + "2Fdiffstat..174561d.json";

    BitbucketSimulator bb;
    Account jane;
    RepoRef repo;
    String auth;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.cloud();
        jane = bb.addAccount("Jane Doe", "jane@example.com");
        bb.credentials().apiToken(jane, "tok", "read:repository:bitbucket");
        repo = bb.createRepository("acme", "api");
        auth = Http.basic("jane@example.com", "tok");
    }

    @AfterEach
    void stop() {
        bb.close();
    }

    @Test
    void commitsOfATruncatedPushComeFromIncludeAndExcludeInTheRealShape() {
        String old = bb.push(repo, "main", NewCommit.by(jane, "base"));
        String newer = bb.newPush(repo, jane).branch("feature/diffstat", NewCommit.by(jane, "one"),
                NewCommit.by(jane, "two")).send().get("feature/diffstat");

        JsonNode page = get("/commits?include=feature%2Fdiffstat&exclude=" + old.substring(0, 7));

        FixtureShape.assertSameShape(page, FixtureShape.fixture(COMMITS_FIXTURE));
        assertThat(hashes(page)).containsExactly(newer, parentOf(newer));
        assertThat(parentOf(parentOf(newer))).isEqualTo(old);
        assertThat(page.get("pagelen").asInt()).isEqualTo(30);
        assertThat(page.has("next")).isFalse();
        assertThat(page.has("size")).as("commit pages are not counted").isFalse();
    }

    @Test
    void includeAndExcludeAreRepeatableLikeGitLog() {
        String a = bb.push(repo, "main", NewCommit.by(jane, "a"));
        String b = bb.push(repo, "feature", NewCommit.by(jane, "b"));
        String c = bb.push(repo, "other", NewCommit.by(jane, "c"));
        bb.newPush(repo, jane).tag("v1", a).send();

        assertThat(hashes(get("/commits"))).as("git log --all").containsExactly(c, b, a);
        assertThat(hashes(get("/commits?include=feature&include=other&exclude=main"))).containsExactly(c, b);
        assertThat(hashes(get("/commits/feature"))).containsExactly(b, a);
        assertThat(hashes(get("/commits/feature?exclude=main"))).containsExactly(b);
        assertThat(hashes(get("/commits/feature?include=other&exclude=v1"))).containsExactly(c, b);
        Http.Answer posted = Http.send("POST", url("/commits"), auth, "include=feature&exclude=main",
                "application/x-www-form-urlencoded");
        assertThat(hashes(posted.json())).containsExactly(b);

        Http.Answer unknown = Http.get(url("/commits?include=nope"), auth);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("error");
    }

    @Test
    void twoHundredCommitsOfOnePushArePagedForwardWithNext() {
        NewCommit[] many = new NewCommit[200];
        for (int i = 0; i < many.length; i++) {
            many[i] = NewCommit.by(jane, "c" + i);
        }
        bb.push(repo, "main", many);

        JsonNode first = get("/commits/main");
        JsonNode real = FixtureShape.fixture("go-scm/cloud/commits.json");
        FixtureShape.assertSameShape(FixtureShape.without(first, "values"), FixtureShape.without(real, "values"));
        assertThat(first.get("values")).hasSize(30);
        assertThat(first.get("page").asInt()).isEqualTo(1);

        List<String> all = new ArrayList<>();
        JsonNode page = get("/commits/main?pagelen=100");
        all.addAll(hashes(page));
        assertThat(page.get("next").asText()).startsWith(bb.baseUrl());
        page = Http.get(page.get("next").asText(), auth).json();
        all.addAll(hashes(page));
        assertThat(page.has("next")).isFalse();
        assertThat(all).hasSize(200).doesNotHaveDuplicates();
        assertThat(get("/commit/" + all.get(199)).at("/summary/raw").asText()).isEqualTo("c0\n");
        assertThat(get("/commit/" + all.get(0)).at("/summary/raw").asText()).isEqualTo("c199\n");
        assertThat(Http.get(url("/commits?pagelen=101"), auth).status()).isEqualTo(400);
    }

    @Test
    void oneCommitHasTheRealShapeWithParentsAuthorAndOffsetDate() {
        Account bob = bb.addAccount("Bob Roe", "bob@example.com");
        String parent = bb.push(repo, "main", NewCommit.by(jane, "first"));
        String hash = bb.push(repo, "main", NewCommit.unlinked(bob, "second\n\nbody").committedBy(jane)
                .authoredAt(OffsetDateTime.parse("2024-01-02T03:04:05+05:30")));
        String offset = bb.push(repo, "main", NewCommit.by(jane, "third").inOffset(ZoneOffset.ofHours(3)));

        FixtureShape.assertSameShape(get("/commit/" + parent), FixtureShape.fixture(COMMITS_FIXTURE).at("/values/0"));
        JsonNode commit = get("/commit/" + hash);
        assertThat(commit.get("date").asText()).isEqualTo("2024-01-02T03:04:05+05:30");
        assertThat(commit.at("/author/raw").asText()).isEqualTo("Bob Roe <bob@example.com>");
        assertThat(commit.at("/author").has("user")).as("unlinked author").isFalse();
        assertThat(commit.get("message").asText()).isEqualTo("second\n\nbody\n");
        assertThat(commit.at("/parents/0/hash").asText()).isEqualTo(parent);
        assertThat(get("/commit/" + parent).at("/author/user/account_id").asText()).isEqualTo(jane.accountId());
        assertThat(get("/commit/" + offset.substring(0, 12)).get("date").asText()).endsWith("+03:00");
        assertThat(Http.get(url("/commit/0123456789abcdef"), auth).status()).isEqualTo(404);
    }

    @Test
    void diffstatOfOneCommitIsAgainstItsFirstParentInTheRealShape() {
        String root = bb.push(repo, "main", NewCommit.by(jane, "start").adds("Jenkinsfile", 10)
                .adds("folder/file.properties", 5).adds("old.txt", 3));
        String hash = bb.push(repo, "main", NewCommit.by(jane, "change").modifies("Jenkinsfile", 2, 1)
                .adds("resources/README.md", 1).renames("folder/file.properties", "resources/file.properties")
                .removes("old.txt"));

        JsonNode page = get("/diffstat/" + hash);
        JsonNode real = FixtureShape.fixture(DIFFSTAT_FIXTURE);
        FixtureShape.assertSameShape(FixtureShape.without(page, "values"), FixtureShape.without(real, "values"));
        JsonNode values = page.get("values");
        assertThat(values).extracting(v -> v.get("status").asText()).containsExactly("modified", "removed", "added",
                "renamed");
        for (JsonNode v : values) {
            if (!"removed".equals(v.get("status").asText())) {
                FixtureShape.assertSameShape(v, entry(real, v.get("status").asText()));
            } else {
                FixtureShape.assertSameShape(v.get("old"), entry(real, "modified").get("old"));
            }
        }
        assertThat(values.get(0).get("lines_added").asInt()).isEqualTo(2);
        assertThat(values.get(0).get("lines_removed").asInt()).isEqualTo(1);
        assertThat(values.get(0).at("/old/links/self/href").asText()).endsWith("/src/" + root + "/Jenkinsfile");
        assertThat(values.get(0).at("/new/links/self/href").asText()).endsWith("/src/" + hash + "/Jenkinsfile");
        assertThat(values.get(1).get("lines_removed").asInt()).isEqualTo(3);
        assertThat(values.get(1).get("new").isNull()).isTrue();
        assertThat(values.get(2).get("old").isNull()).isTrue();
        assertThat(values.get(3).at("/old/path").asText()).isEqualTo("folder/file.properties");
        assertThat(values.get(3).at("/new/path").asText()).isEqualTo("resources/file.properties");
        assertThat(values.get(3).get("lines_added").asInt()).isZero();

        assertThat(get("/diffstat/" + root).get("values")).extracting(v -> v.get("status").asText())
                .containsOnly("added").hasSize(3);
        assertThat(get("/diffstat/" + hash + "?path=old.txt").get("values")).hasSize(1);
    }

    @Test
    void diffstatOfARangeIsNewDotDotOldThreeDotUnlessTopicIsFalse() {
        bb.push(repo, "main", NewCommit.by(jane, "a").adds("a.txt", 1));
        bb.push(repo, "feature", NewCommit.by(jane, "b").adds("b.txt", 4), NewCommit.by(jane, "b2")
                .modifies("b.txt", 1, 1));
        bb.push(repo, "main", NewCommit.by(jane, "c").adds("c.txt", 2));

        JsonNode threeDot = get("/diffstat/feature..main");
        assertThat(threeDot.get("values")).extracting(v -> v.at("/new/path").asText()).containsExactly("b.txt");
        assertThat(threeDot.at("/values/0/status").asText()).isEqualTo("added");
        assertThat(threeDot.at("/values/0/lines_added").asInt()).isEqualTo(4);
        assertThat(get("/diffstat/feature..main?topic=true").get("values")).hasSize(1);

        JsonNode twoDot = get("/diffstat/feature..main?topic=false");
        assertThat(twoDot.get("values")).extracting(v -> v.get("status").asText() + " " + (v.get("new").isNull()
                ? v.at("/old/path").asText()
                : v.at("/new/path").asText())).containsExactly("added b.txt", "removed c.txt");
        assertThat(get("/diffstat/feature..main?merge=false").get("values")).hasSize(2);
    }

    @Test
    void sixHundredChangedFilesMakeTwoDiffstatPagesOf500() {
        NewCommit big = NewCommit.by(jane, "generated");
        for (int i = 0; i < 600; i++) {
            big = big.adds(String.format("gen/f%03d.txt", i), 1);
        }
        String hash = bb.push(repo, "main", big);

        JsonNode first = get("/diffstat/" + hash);
        assertThat(first.get("pagelen").asInt()).isEqualTo(500);
        assertThat(first.get("size").asInt()).isEqualTo(600);
        assertThat(first.get("values")).hasSize(500);
        JsonNode second = Http.get(first.get("next").asText(), auth).json();
        assertThat(second.get("values")).hasSize(100);
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.has("next")).isFalse();
        assertThat(second.at("/values/99/new/path").asText()).isEqualTo("gen/f599.txt");
        assertThat(Http.get(url("/diffstat/" + hash + "?pagelen=501"), auth).status()).isEqualTo(400);
    }

    @Test
    void branchNamesWithSlashesAndNonAsciiLettersWorkInUrls() {
        bb.push(repo, "main", NewCommit.by(jane, "base"));
        String branch = "feature/straße-ü";
        String head = bb.push(repo, branch, NewCommit.by(jane, "umlaut"));
        String encoded = URLEncoder.encode(branch, StandardCharsets.UTF_8);

        assertThat(hashes(get("/commits/" + encoded + "?exclude=main"))).containsExactly(head);
        assertThat(hashes(get("/commits/feature/" + URLEncoder.encode("straße-ü", StandardCharsets.UTF_8)
                + "?exclude=main"))).as("a raw slash, as Bitbucket's own links have it").containsExactly(head);
        assertThat(hashes(get("/commits?include=" + encoded + "&exclude=main"))).containsExactly(head);
        assertThat(get("/diffstat/" + encoded + "..main").get("values")).hasSize(1);

        JsonNode branches = get("/refs/branches");
        JsonNode ref = branches.get("values").get(1);
        assertThat(ref.get("name").asText()).isEqualTo(branch);
        String commitsLink = ref.at("/links/commits/href").asText();
        assertThat(commitsLink).contains("/commits/feature/stra%C3%9Fe-%C3%BC");
        assertThat(hashes(Http.get(commitsLink, auth).json())).startsWith(head);
    }

    @Test
    void commitsNeedTheRepositoryReadScope() {
        bb.push(repo, "main", NewCommit.by(jane, "a"));
        bb.credentials().apiToken(jane, "prs-only", "read:pullrequest:bitbucket");

        Http.Answer refused = Http.get(url("/diffstat/main"), Http.basic("jane@example.com", "prs-only"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/detail/required/0").asText()).isEqualTo("read:repository:bitbucket");
        assertThat(Http.get(url("/commits"), null).status()).as("anonymous, private repository").isEqualTo(404);
    }

    private JsonNode get(String path) {
        Http.Answer answer = Http.get(url(path), auth);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String url(String path) {
        return bb.baseUrl() + "/repositories/acme/api" + path;
    }

    private String parentOf(String hash) {
        return get("/commit/" + hash).at("/parents/0/hash").asText();
    }

    static List<String> hashes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("values").forEach(v -> out.add(v.get("hash").asText()));
        return out;
    }

    static JsonNode entry(JsonNode realPage, String status) {
        for (JsonNode v : realPage.get("values")) {
            if (status.equals(v.get("status").asText())) {
                return v;
            }
        }
        throw new AssertionError("No " + status + " entry in the fixture");
    }
}
