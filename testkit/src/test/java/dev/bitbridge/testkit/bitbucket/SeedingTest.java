package dev.bitbridge.testkit.bitbucket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seeding the simulator from the real webhooks in {@code ../shared/fixtures} (read there, skipped with the reason when
 * absent): what a payload describes is served by the REST APIs exactly as native state, with its hashes, parents,
 * people, dates and refs; what it only names is there as plain commits, so history walks work.
 */
class SeedingTest {

    static final String[] CLOUD_SCOPES = { "read:repository:bitbucket", "read:pullrequest:bitbucket" };

    @Test
    void aThreeChangeCloudPushIsServedWithItsOwnHashesPeopleDatesAndRefs() {
        byte[] body = fixture("jenkins-bbs/cloud/multipleChangesPayload.json");
        JsonNode payload = json(body);
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudReader(bb);
            Seeded seeded = bb.seedFrom(Flavor.CLOUD, "repo:push", body);

            assertThat(seeded.repository()).isEqualTo(new RepoRef("cloudbeers", "temp"));
            assertThat(seeded.described()).hasSize(6).contains("325d37697849f4b1fe42cb19c20134af08e03a82",
                    "e22fcb49645b4586a845938afac5eb3ac1950586", "1986c228494671574242f99b62d1a00a4bfb69a5");
            assertThat(seeded.placeholders()).as("the merge's parents, beyond the truncated list")
                    .containsExactlyInAnyOrder("f612156eff2c958f52f8e6e20c71f396aeaeaff4",
                            "a72355f35fde2ad4f5724a279b970ef7b6729131");
            assertThat(seeded.refs()).containsEntry("refs/heads/main", "325d37697849f4b1fe42cb19c20134af08e03a82")
                    .containsEntry("refs/heads/manchu", "e22fcb49645b4586a845938afac5eb3ac1950586")
                    .containsEntry("refs/tags/v0.1", "1986c228494671574242f99b62d1a00a4bfb69a5");

            String api = bb.baseUrl() + "/repositories/cloudbeers/temp";
            JsonNode repository = get(api, auth);
            assertThat(repository.get("uuid").asText()).isEqualTo(payload.at("/repository/uuid").asText());
            assertThat(repository.at("/workspace/uuid").asText()).isEqualTo(payload.at("/repository/owner/uuid")
                    .asText());

            // Every listed commit answers as the payload described it.
            for (JsonNode listed : payload.at("/push/changes/1/commits")) {
                JsonNode served = get(api + "/commit/" + listed.get("hash").asText(), auth);
                assertThat(served.get("hash")).isEqualTo(listed.get("hash"));
                assertThat(served.get("date")).isEqualTo(listed.get("date"));
                assertThat(served.get("message")).isEqualTo(listed.get("message"));
                assertThat(served.at("/author/raw")).isEqualTo(listed.at("/author/raw"));
                assertThat(served.at("/author/user/uuid")).isEqualTo(listed.at("/author/user/uuid"));
                assertThat(hashes(served.get("parents"))).isEqualTo(hashes(listed.get("parents")));
            }
            FixtureShape.assertSameShape(get(api + "/commits?include=manchu", auth),
                    FixtureShape.fixture(CloudCommitsApiTest.COMMITS_FIXTURE));

            // History walks over seeded and placeholder commits like over native ones.
            assertThat(hashes(get(api + "/commits?include=e22fcb49645b4586a845938afac5eb3ac1950586&exclude="
                    + "325d37697849f4b1fe42cb19c20134af08e03a82", auth).get("values")))
                    .containsExactly("e22fcb49645b4586a845938afac5eb3ac1950586");
            assertThat(hashes(get(api + "/commits?include=v0.1", auth).get("values"))).hasSize(3)
                    .startsWith("1986c228494671574242f99b62d1a00a4bfb69a5");
            JsonNode branches = get(api + "/refs/branches", auth);
            assertThat(branches.at("/values/0/name").asText()).isEqualTo("main");
            assertThat(branches.at("/values/1/target/hash").asText())
                    .isEqualTo("e22fcb49645b4586a845938afac5eb3ac1950586");

            // Each seeded commit adds its own file; a merge brings its other side's.
            JsonNode diffstat = get(api + "/diffstat/325d37697849f4b1fe42cb19c20134af08e03a82", auth);
            assertThat(diffstat.at("/values/0/new/path").asText())
                    .isEqualTo(Seeding.seededFile("325d37697849f4b1fe42cb19c20134af08e03a82"));
            assertThat(diffstat.at("/values/0/status").asText()).isEqualTo("added");
            assertThat(diffstat.get("values")).hasSize(1);
            JsonNode merge = get(api + "/diffstat/1986c228494671574242f99b62d1a00a4bfb69a5", auth);
            assertThat(merge.get("values")).hasSize(1);
            assertThat(merge.at("/values/0/new/path").asText())
                    .isEqualTo(Seeding.seededFile("a72355f35fde2ad4f5724a279b970ef7b6729131"));
        }
    }

    @Test
    void scenariosGoOnFromSeededStateAndDeliverIt() throws Exception {
        byte[] body = fixture("go-scm/cloud/push.json");
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            bb.seedFrom(Flavor.CLOUD, "repo:push", body);
            RepoRef repo = new RepoRef("brydzewski", "foo");
            Account jane = bb.addAccount("Jane", "jane@example.com");
            String next = bb.push(repo, "master", NewCommit.by(jane, "after the fixture"));

            String auth = cloudReader(bb);
            JsonNode commit = get(bb.baseUrl() + "/repositories/brydzewski/foo/commit/" + next, auth);
            assertThat(hashes(commit.get("parents"))).containsExactly("141977fedf5cf35aa290ac87d4b5177ac4cd9de1");
            assertThat(hashes(get(bb.baseUrl() + "/repositories/brydzewski/foo/commits/master", auth)
                    .get("values"))).containsExactly(next, "141977fedf5cf35aa290ac87d4b5177ac4cd9de1",
                            "40e7580cf11311d84a6e5e97e2cbba6df1675750");
        }
    }

    @Test
    void aCloudPullRequestsLifeSeededInTurnKeepsEachPullRequestsOwnCommits() {
        List<String> files = List.of("go-scm/cloud/pr_created.json", "go-scm/cloud/pr_updated.json",
                "go-scm/cloud/pr_fulfilled.json", "go-scm/cloud/pr_declined.json");
        List<String> keys = List.of("pullrequest:created", "pullrequest:updated", "pullrequest:fulfilled",
                "pullrequest:rejected");
        List<java.util.Map<String, String>> hashes = new ArrayList<>();
        for (boolean reversed : new boolean[] { false, true }) {
            try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
                String auth = cloudReader(bb);
                java.util.Map<String, String> full = new java.util.TreeMap<>();
                for (int i = 0; i < files.size(); i++) {
                    int at = reversed ? files.size() - 1 - i : i;
                    full.putAll(bb.seedFrom(Flavor.CLOUD, keys.get(at), fixture(files.get(at))).fullHashes());
                }
                hashes.add(full);
                String api = bb.baseUrl() + "/repositories/brydzewski/foo/pullrequests/";
                JsonNode first = get(api + "1", auth);
                if (reversed) {
                    assertThat(first.get("state").asText()).as("the last payload seeded decides").isEqualTo("OPEN");
                    assertThat(hashes(get(api + "1/commits", auth).get("values")))
                            .containsExactly(Seeding.fullHash("507a576e59b3"));
                    continue;
                }
                assertThat(first.get("state").asText()).isEqualTo("MERGED");
                assertThat(first.at("/source/branch/name").asText()).isEqualTo("develop");
                assertThat(first.at("/merge_commit/hash").asText()).isEqualTo("4f8f6de9d0ff");
                String head = Seeding.fullHash("0704fc5beccc");
                assertThat(hashes(get(api + "1/commits", auth).get("values")))
                        .as("a merged pull request keeps its commits though its branch moved on (#2)")
                        .containsExactly(head);
                JsonNode mergeCommit = get(bb.baseUrl() + "/repositories/brydzewski/foo/commit/4f8f6de9d0ff", auth);
                assertThat(hashes(mergeCommit.get("parents"))).containsExactly(Seeding.fullHash("7d1a175411ef"),
                        head);
                JsonNode declined = get(api + "2", auth);
                assertThat(declined.get("state").asText()).isEqualTo("DECLINED");
                assertThat(declined.at("/destination/commit/hash").asText()).isEqualTo("4f8f6de9d0ff");
                assertThat(hashes(get(api + "2/commits", auth).get("values")))
                        .containsExactly(Seeding.fullHash("6ca9fe26898a"));
            }
        }
        assertThat(hashes.get(0)).hasSize(5).as("short hashes complete alike whatever the order")
                .isEqualTo(hashes.get(1));
    }

    @Test
    void anOpenCloudPullRequestHasItsCommitAndItsDiffstatRedirect() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudReader(bb);
            Seeded seeded = bb.seedFrom(Flavor.CLOUD, "pullrequest:created", fixture("go-scm/cloud/pr_created.json"));
            assertThat(seeded.pullRequest()).isEqualTo(1);
            String head = seeded.full("507a576e59b3");
            String destination = seeded.full("7d1a175411ef");
            assertThat(head).startsWith("507a576e59b3").hasSize(40);
            assertThat(seeded.placeholders()).containsExactly(destination, head);
            assertThat(seeded.refs()).containsEntry("refs/heads/develop", head)
                    .containsEntry("refs/heads/master", destination);

            String api = bb.baseUrl() + "/repositories/brydzewski/foo/pullrequests/1";
            JsonNode pr = get(api, auth);
            assertThat(pr.get("title").asText()).isEqualTo("Awesome new feature");
            assertThat(pr.at("/author/uuid").asText()).isEqualTo("{87bb15eb-47c1-49b3-9f16-ca824a2979a4}");
            assertThat(pr.at("/source/commit/hash").asText()).isEqualTo("507a576e59b3");
            assertThat(pr.get("created_on").asText()).startsWith("2018-07-02T21:51:39.492248");
            JsonNode commits = get(api + "/commits", auth);
            assertThat(hashes(commits.get("values"))).containsExactly(head);
            assertThat(hashes(commits.at("/values/0/parents"))).containsExactly(destination);

            Http.Answer redirect = Http.get(api + "/diffstat", auth);
            assertThat(redirect.status()).isEqualTo(302);
            JsonNode diffstat = get(URI.create(api).resolve(redirect.header("Location")).toString(), auth);
            assertThat(diffstat.at("/values/0/new/path").asText()).isEqualTo(Seeding.seededFile(head));
            assertThat(diffstat.get("values")).hasSize(1);

            assertThat(bb.openPullRequest(new RepoRef("brydzewski", "foo"), "develop",
                    new RepoRef("brydzewski", "foo"), "master", bb.addAccount("Jo", "jo@example.com"), "next"))
                    .as("ids go on after seeded ones").isEqualTo(2);
        }
    }

    @Test
    void cloudParticipantsKeepTheirRolesAndApprovals() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudReader(bb);
            bb.seedFrom(Flavor.CLOUD, "pullrequest:approved", fixture("woodpecker/cloud/HookPullApproved.json"));
            JsonNode pr = get(bb.baseUrl() + "/repositories/6543/collect-webhooks/pullrequests/2", auth);
            assertThat(pr.get("participants")).hasSize(2);
            assertThat(pr.at("/participants/1/user/nickname").asText()).isEqualTo("demoaccount2-commits");
            assertThat(pr.at("/participants/1/approved").asBoolean()).isTrue();
            assertThat(pr.at("/participants/1/state").asText()).isEqualTo("approved");
            assertThat(pr.at("/participants/0/approved").asBoolean()).isFalse();
            assertThat(pr.get("reviewers")).isEmpty();
            assertThat(pr.at("/destination/branch/name").asText()).isEqualTo("niam");
        }
    }

    @Test
    void aClassicDataCenterPushIsAFastForwardOfPlainCommits() {
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter()) {
            String auth = dcReader(bb, "PRJ");
            Seeded seeded = bb.seedFrom(Flavor.DATA_CENTER, "repo:refs_changed", fixture("go-scm/server/push.json"));
            assertThat(seeded.described()).isEmpty();
            assertThat(seeded.placeholders()).containsExactly("5c64a07cd6c0f21b753bf261ef059c7e7633c50a",
                    "823b2230a56056231c9425d63758fa87078a66b4");

            String api = bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/my-repo";
            JsonNode repository = get(api, auth);
            assertThat(repository.get("id").asLong()).isEqualTo(1);
            assertThat(repository.at("/project/id").asLong()).isEqualTo(2);
            JsonNode between = get(api + "/commits?since=5c64a07cd6c0f21b753bf261ef059c7e7633c50a&until="
                    + "823b2230a56056231c9425d63758fa87078a66b4", auth);
            assertThat(ids(between)).containsExactly("823b2230a56056231c9425d63758fa87078a66b4");
            assertThat(between.at("/values/0/author/name").asText()).isEqualTo("jcitizen");
            JsonNode changes = get(api + "/commits/823b2230a56056231c9425d63758fa87078a66b4/changes", auth);
            assertThat(changes.at("/values/0/path/toString").asText())
                    .isEqualTo(Seeding.seededFile("823b2230a56056231c9425d63758fa87078a66b4"));
            assertThat(changes.at("/values/0/type").asText()).isEqualTo("ADD");
            assertThat(get(api + "/branches", auth).at("/values/0/latestCommit").asText())
                    .isEqualTo("823b2230a56056231c9425d63758fa87078a66b4");
        }
    }

    @Test
    void dataCenter10PushesKeepTheirPeopleAndTimestampsOfEitherStyle() {
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter()) {
            byte[] v10 = fixture("jenkins-bbs/server/pushPayload_v10.json");
            byte[] woodpecker = fixture("woodpecker/datacenter/HookPush.json");
            String auth = dcReader(bb, "AMUNIZ", "DEV");
            Seeded iso = bb.seedFrom(Flavor.DATA_CENTER, "repo:refs_changed", v10);
            Seeded epoch = bb.seedFrom(Flavor.DATA_CENTER, "repo:refs_changed", woodpecker);

            assertThat(iso.described()).hasSize(4);
            assertThat(iso.placeholders()).isEmpty();
            String amuniz = bb.baseUrl() + "/rest/api/1.0/projects/AMUNIZ/repos/test-repos";
            JsonNode all = get(amuniz + "/commits?until=feature/BB-1", auth);
            assertThat(ids(all)).containsExactlyElementsOf(iso.described());
            JsonNode first = get(amuniz + "/commits/fb522a6f08c7c7df337312e4e65ec1b57710672e", auth);
            assertThat(first.get("authorTimestamp").asLong()).isEqualTo(OffsetDateTime.parse(
                    "2018-09-21T14:09:51.000Z").toInstant().toEpochMilli());
            assertThat(first.at("/author/name").asText()).isEqualTo("Antonio Muniz");
            assertThat(first.at("/author/emailAddress").asText()).isEqualTo("amuniz@example.com");
            assertThat(first.get("message").asText()).isEqualTo(json(v10).at("/commits/0/message").asText());

            assertThat(epoch.placeholders()).containsExactly("e0e15221b987fd8296141c0faa6a79f7c86ca4ce",
                    "8c49fecb1363fffdf00456cedaaff6a50613725a");
            String dev = bb.baseUrl() + "/rest/api/1.0/projects/DEV/repos/deployment-automation";
            JsonNode head = get(dev + "/commits/76797d54bca87db6d1e3e82ee40622c7908aa514", auth);
            assertThat(head.get("authorTimestamp").asLong()).isEqualTo(1758586555000L);
            assertThat(head.at("/author/id").asLong()).isEqualTo(14570);
            assertThat(head.at("/author/slug").asText()).isEqualTo("renovatebot");
            assertThat(ids(get(dev + "/commits?since=e0e15221b987fd8296141c0faa6a79f7c86ca4ce&until=renovate-all",
                    auth))).as("the payload's new head does not descend from its old one: a forced update")
                    .containsExactly("76797d54bca87db6d1e3e82ee40622c7908aa514",
                            "8c49fecb1363fffdf00456cedaaff6a50613725a");
            assertThat(get(dev, auth).get("id").asLong()).isEqualTo(1684);
        }
    }

    @Test
    void dataCenterPullRequestsKeepTheirIdsVersionsReviewersAndMergeCommit() {
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter()) {
            String auth = dcReader(bb, "PRJ");
            Seeded updated = bb.seedFrom(Flavor.DATA_CENTER, "pr:from_ref_updated",
                    fixture("go-scm/server/pr_from_ref_updated.json"));
            assertThat(updated.placeholders()).containsExactly("823b2230a56056231c9425d63758fa87078a66b4",
                    "caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd", "c00d0f269a9844dd168f72f6a9d78a9cff49a318");
            String api = bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/my-repo/pull-requests/";
            assertThat(ids(get(api + "2/commits", auth))).containsExactly("c00d0f269a9844dd168f72f6a9d78a9cff49a318",
                    "caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd");
            JsonNode changes = get(api + "2/changes", auth);
            assertThat(changes.get("values")).hasSize(2);
            JsonNode pr = get(api + "2", auth);
            assertThat(pr.at("/fromRef/displayId").asText()).isEqualTo("feature-2");
            assertThat(pr.at("/author/user/name").asText()).isEqualTo("jcitizen");
            assertThat(pr.get("createdDate").asLong()).isEqualTo(1637591800463L);

            bb.seedFrom(Flavor.DATA_CENTER, "pr:merged", fixture("go-scm/server/pr_merged.json"));
            JsonNode merged = get(api + "3", auth);
            assertThat(merged.get("state").asText()).isEqualTo("MERGED");
            assertThat(merged.get("version").asInt()).isEqualTo(2);
            assertThat(merged.at("/properties/mergeCommit/id").asText())
                    .isEqualTo("83f836ca538dc4f43d29fda46a5b85ea49f1b8e7");
            assertThat(ids(get(api + "3/commits", auth))).containsExactly("b9eaed50a03c073b20dfa82e5e753d295e7f0e56");
            JsonNode mergeCommit = get(bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/my-repo/commits/"
                    + "83f836ca538dc4f43d29fda46a5b85ea49f1b8e7", auth);
            assertThat(ids(mergeCommit.get("parents"))).containsExactly("823b2230a56056231c9425d63758fa87078a66b4",
                    "b9eaed50a03c073b20dfa82e5e753d295e7f0e56");
        }
    }

    @Test
    void seededCommitsNeedTheirParentsAndAPayloadItsFlavor() {
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter()) {
            Account ada = bb.addAccount("Ada", "ada@example.com");
            RepoRef repo = bb.seed().repository(new RepoRef("PRJ", "app"), null, 42L);
            OffsetDateTime date = OffsetDateTime.parse("2020-01-02T03:04:05+02:00");
            assertThatThrownBy(() -> bb.seed().commit(repo, Seeding.CommitSpec.of(
                    "1111111111111111111111111111111111111111", List.of("2222222222222222222222222222222222222222"),
                    ada, date, "orphan"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed it");
            bb.seed().commit(repo, Seeding.CommitSpec.of("2222222222222222222222222222222222222222", List.of(), ada,
                    date, "root").withFiles(FileChange.added("README.md", 3)));
            bb.seed().branch(repo, "main", "2222222222222222222222222222222222222222");
            assertThat(bb.head(repo, "main")).isEqualTo("2222222222222222222222222222222222222222");

            assertThatThrownBy(() -> bb.seedFrom(Flavor.CLOUD, "repo:push", "{}".getBytes()))
                    .isInstanceOf(IllegalArgumentException.class);
            Seeded ping = bb.seedFrom(Flavor.DATA_CENTER, "diagnostics:ping", "{\"test\": true}".getBytes());
            assertThat(ping.repository()).isNull();
            assertThat(ping.described()).isEmpty();
        }
        assertThat(Seeding.fullHash("507a576e59b3")).startsWith("507a576e59b3").hasSize(40)
                .isEqualTo(Seeding.fullHash("507a576e59b3")).matches("[0-9a-f]{40}");
    }

    private static String cloudReader(BitbucketSimulator bb) {
        Account reader = bb.addAccount("Reader", "reader@example.com");
        bb.credentials().apiToken(reader, "read-token", CLOUD_SCOPES);
        return Http.basic("reader@example.com", "read-token");
    }

    private static String dcReader(BitbucketSimulator bb, String... projects) {
        Account reader = bb.addAccount("Reader", "reader@example.com");
        bb.credentials().dcUser(reader, "pw");
        for (String project : projects) {
            bb.credentials().grant(reader, DcPermission.PROJECT_READ, project, null);
        }
        return Http.basic(reader.name(), "pw");
    }

    private static JsonNode get(String url, String auth) {
        Http.Answer answer = Http.get(url, auth);
        assertThat(answer.status()).as("GET %s: %s", url, answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> hashes(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("hash").asText()));
        return out;
    }

    private static List<String> ids(JsonNode pageOrList) {
        List<String> out = new ArrayList<>();
        (pageOrList.has("values") ? pageOrList.get("values") : pageOrList).forEach(i -> out.add(i.get("id")
                .asText()));
        return out;
    }

    private static JsonNode json(byte[] body) {
        try {
            return Http.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the fixture's bytes, or a skipped test saying why */
    private static byte[] fixture(String name) {
        Path file = FixtureShape.FIXTURES.resolve(name);
        assumeTrue(Files.isReadable(file), "Fixture " + file + " is absent (the shared fixtures are not checked out"
                + " here): seeding from real payloads is not tested");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
