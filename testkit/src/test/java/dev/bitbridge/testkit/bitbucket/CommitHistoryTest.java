package dev.bitbridge.testkit.bitbucket;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.bitbridge.testkit.bitbucket.CloudCommitsApiTest.hashes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the simulator's history behaves: file changes that must fit, renames over ranges, merges, date order. */
class CommitHistoryTest {

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
    void declaredChangesMustFitTheParentsFiles() {
        bb.push(repo, "main", NewCommit.by(jane, "a").adds("a.txt", 1));

        assertThatThrownBy(() -> bb.push(repo, "main", NewCommit.by(jane, "b").modifies("missing.txt", 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> bb.push(repo, "main", NewCommit.by(jane, "c").adds("a.txt", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
        String empty = bb.push(repo, "main", NewCommit.by(jane, "empty").noFiles());
        assertThat(get("/diffstat/" + empty).get("values")).isEmpty();
        String byDefault = bb.push(repo, "main", NewCommit.by(jane, "old style"));
        assertThat(get("/diffstat/" + byDefault).get("values")).extracting(v -> v.get("status").asText() + " " + v
                .at("/new/path").asText()).containsExactly("added README.md");
    }

    @Test
    void aRenameThenAnEditReadsAsOneRenameOverTheRange() {
        String base = bb.push(repo, "main", NewCommit.by(jane, "a").adds("src/Old.java", 10));
        bb.push(repo, "main", NewCommit.by(jane, "rename").renames("src/Old.java", "src/New.java"));
        String head = bb.push(repo, "main", NewCommit.by(jane, "edit").modifies("src/New.java", 3, 2));

        JsonNode entry = get("/diffstat/" + head + ".." + base).at("/values/0");
        assertThat(entry.get("status").asText()).isEqualTo("renamed");
        assertThat(entry.at("/old/path").asText()).isEqualTo("src/Old.java");
        assertThat(entry.at("/new/path").asText()).isEqualTo("src/New.java");
        assertThat(entry.get("lines_added").asInt()).isEqualTo(3);
        assertThat(entry.get("lines_removed").asInt()).isEqualTo(2);
    }

    @Test
    void logListsChildrenBeforeParentsWhateverTheirDates() {
        String old = bb.push(repo, "main", NewCommit.by(jane, "now"));
        OffsetDateTime longAgo = OffsetDateTime.parse("2001-01-01T00:00:00+01:00");
        String backdated = bb.push(repo, "main", NewCommit.by(jane, "backdated").authoredAt(longAgo)
                .committedAt(longAgo));
        bb.push(repo, "feature", NewCommit.by(jane, "f"));
        int id = bb.openPullRequest(repo, "feature", repo, "main", jane, "PR");
        String merge = bb.merge(repo, id, jane);

        assertThat(hashes(get("/commits/main"))).startsWith(merge).containsSubsequence(backdated, old).hasSize(4);
        assertThat(get("/commit/" + backdated).get("date").asText()).isEqualTo("2001-01-01T00:00:00+01:00");
    }

    private JsonNode get(String path) {
        Http.Answer answer = Http.get(bb.baseUrl() + "/repositories/acme/api" + path, auth);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }
}
