package dev.bitbridge.connector.enrichment.payload;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bitbridge.connector.enrichment.payload.RefMove.Change;
import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;
import dev.bitbridge.connector.enrichment.payload.RefMove.RefType;

import static dev.bitbridge.events.webhook.BitbucketFlavor.CLOUD;
import static dev.bitbridge.events.webhook.BitbucketFlavor.DATACENTER;
import static org.assertj.core.api.Assertions.assertThat;

/** Ref names, ref types and changes at their edges, in both flavors. */
class RefMovesTest {

    private static final String A = "1111111111111111111111111111111111111111";
    private static final String B = "2222222222222222222222222222222222222222";
    private static final String ZERO = "0000000000000000000000000000000000000000";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "refs/heads/main|BRANCH|main|main|BRANCH",
            "refs/heads/feature/GAME-12/particles|BRANCH|feature/GAME-12/particles|feature/GAME-12/particles|BRANCH",
            "refs/heads/fix/ünïcödé-ß-名前|BRANCH|fix/ünïcödé-ß-名前|fix/ünïcödé-ß-名前|BRANCH",
            "refs/tags/v1.2.0|TAG|v1.2.0|v1.2.0|TAG",
            "refs/tags/release/2024.1|TAG|release/2024.1|release/2024.1|TAG",
            "refs/heads/refs/heads/odd|BRANCH|refs/heads/odd|refs/heads/odd|BRANCH",
            "refs/tags/v2|NULL|v2|v2|TAG",
            "refs/heads/x/y|NULL|x/y|x/y|BRANCH",
            "refs/heads/lower|branch|lower|lower|BRANCH",
            "refs/notes/commits|BRANCH|notes-display|notes-display|BRANCH",
            "NULL|TAG|v3|v3|TAG" })
    void dataCenterRefNames(String id, String type, String displayId, String name, RefType refType) {
        String ref = "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"displayId\": \"" + displayId + "\""
                + (type == null ? "" : ", \"type\": \"" + type + "\"") + "}";
        RefMove move = dataCenterMove("{\"ref\": " + ref + ", \"fromHash\": \"" + A + "\", \"toHash\": \"" + B
                + "\", \"type\": \"UPDATE\"}");

        assertThat(move.ref()).isEqualTo(name);
        assertThat(move.refType()).isEqualTo(refType);
    }

    @Test
    void dataCenterRefIdAloneIsEnough() {
        RefMove move = dataCenterMove("{\"refId\": \"refs/heads/only/ref-id\", \"fromHash\": \"" + A
                + "\", \"toHash\": \"" + B + "\", \"type\": \"UPDATE\"}");

        assertThat(move.ref()).isEqualTo("only/ref-id");
        assertThat(move.refType()).isEqualTo(RefType.BRANCH);
    }

    @ParameterizedTest(name = "{0} {1}->{2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "ADD|" + ZERO + "|" + B + "|CREATED|NULL|" + B + "|false",
            "UPDATE|" + A + "|" + B + "|UPDATED|" + A + "|" + B + "|NULL",
            "DELETE|" + A + "|" + ZERO + "|DELETED|" + A + "|NULL|false",
            "add|" + ZERO + "|" + B + "|CREATED|NULL|" + B + "|false",
            "NULL|" + ZERO + "|" + B + "|CREATED|NULL|" + B + "|false",
            "NULL|" + A + "|" + ZERO + "|DELETED|" + A + "|NULL|false",
            "NULL|" + A + "|" + B + "|UPDATED|" + A + "|" + B + "|NULL" })
    void dataCenterChangesAndZeroHashes(String type, String from, String to, Change change, String oldHash,
            String newHash, Boolean forced) {
        RefMove move = dataCenterMove("{\"ref\": {\"id\": \"refs/heads/main\", \"type\": \"BRANCH\"}, \"fromHash\": \""
                + from + "\", \"toHash\": \"" + to + "\"" + (type == null ? "" : ", \"type\": \"" + type + "\"") + "}");

        assertThat(move.change()).isEqualTo(change);
        assertThat(move.oldHash()).isEqualTo(oldHash);
        assertThat(move.newHash()).isEqualTo(newHash);
        assertThat(move.forced()).isEqualTo(forced);
        assertThat(move.commits()).isEmpty();
        assertThat(move.listing()).isEqualTo(change == Change.DELETED ? Listing.COMPLETE : Listing.NONE);
        assertThat(move.tagMessage()).isNull();
    }

    @Test
    void cloudNamesWithSlashesAndNonAsciiLettersPassThrough() {
        RefMove move = cloudMove("""
                {"old": null, "new": {"type": "branch", "name": "feature/ünïcödé/名前-ß",
                 "target": {"hash": "%s"}}, "commits": [], "truncated": false, "forced": false}""".formatted(B));

        assertThat(move.ref()).isEqualTo("feature/ünïcödé/名前-ß");
        assertThat(move.fullRef()).isEqualTo("refs/heads/feature/ünïcödé/名前-ß");
        assertThat(move.change()).isEqualTo(Change.CREATED);
    }

    @Test
    void cloudBranchCreatedAtAnExistingCommitIsAnEmptyCompletePush() {
        RefMove move = cloudMove("""
                {"old": null, "new": {"type": "branch", "name": "release", "target": {"hash": "%s"}},
                 "commits": [], "truncated": false, "created": true, "forced": false}""".formatted(B));

        assertThat(move.commits()).isEmpty();
        assertThat(move.listing()).isEqualTo(Listing.COMPLETE);
    }

    @Test
    void cloudWithoutTruncatedIsNotTrustedToBeComplete() {
        RefMove move = cloudMove("""
                {"old": {"type": "branch", "name": "main", "target": {"hash": "%s"}},
                 "new": {"type": "branch", "name": "main", "target": {"hash": "%s"}},
                 "commits": [{"hash": "%s", "parents": [{"hash": "%s"}]}], "forced": true}""".formatted(A, B, B, A));

        assertThat(move.listing()).isEqualTo(Listing.INCOMPLETE);
        assertThat(move.forced()).isTrue();
        assertThat(move.commits()).extracting(ListedCommit::parents).containsExactly(List.of(A));
    }

    @Test
    void cloudDeletionHasNoNewHashAndNothingToList() {
        RefMove move = cloudMove("""
                {"old": {"type": "branch", "name": "old/topic", "target": {"hash": "%s"}}, "new": null,
                 "closed": true, "forced": false}""".formatted(A));

        assertThat(move.change()).isEqualTo(Change.DELETED);
        assertThat(move.ref()).isEqualTo("old/topic");
        assertThat(move.oldHash()).isEqualTo(A);
        assertThat(move.newHash()).isNull();
        assertThat(move.listing()).isEqualTo(Listing.COMPLETE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "annotated_tag|Release 1.0|Release 1.0",
            "tag|Signed release|Signed release",
            "tag|NULL|NULL" })
    void cloudTagsAnnotatedOrNotAreTagsAndKeepTheirMessage(String type, String message, String tagMessage) {
        RefMove move = cloudMove("""
                {"old": null, "new": {"type": "%s", "name": "v1.0", %s "target": {"hash": "%s"}}}"""
                .formatted(type, message == null ? "" : "\"message\": \"" + message + "\",", B));

        assertThat(move.refType()).isEqualTo(RefType.TAG);
        assertThat(move.tagMessage()).isEqualTo(tagMessage);
        assertThat(move.listing()).isEqualTo(Listing.NONE);
    }

    @Test
    void cloudPushWithoutChangesIsAnEmptyPush() {
        PushNotice push = (PushNotice) Fixtures.readJson(CLOUD, "repo:push", """
                {"repository": {"full_name": "ws/repo"}, "push": {"changes": []}}""");

        assertThat(push.moves()).isEmpty();
        assertThat(push.actor()).isNull();
        assertThat(push.repository().fullName()).isEqualTo("ws/repo");
    }

    @Test
    void cloudCommitAuthorsInOddShapes() {
        RefMove move = cloudMove("""
                {"old": null, "new": {"type": "branch", "name": "b", "target": {"hash": "%s"}}, "truncated": false,
                 "commits": [
                   {"hash": "c1", "author": {"raw": "<bot@example.com>"}, "summary": {"raw": "from summary"}},
                   {"hash": "c2", "author": {"raw": "just a name"}, "committer": {"raw": "C Ommitter <c@x.org>"}},
                   {"hash": "c3", "author": {"user": {"uuid": "{u}", "display_name": "Linked Only"}}}]}"""
                .formatted(B));

        assertThat(move.commits().get(0).author().name()).isNull();
        assertThat(move.commits().get(0).author().email()).isEqualTo("bot@example.com");
        assertThat(move.commits().get(0).message()).isEqualTo("from summary");
        assertThat(move.commits().get(1).author().name()).isEqualTo("just a name");
        assertThat(move.commits().get(1).author().email()).isNull();
        assertThat(move.commits().get(1).committer().email()).isEqualTo("c@x.org");
        assertThat(move.commits().get(2).author().raw()).isNull();
        assertThat(move.commits().get(2).author().account().id()).isEqualTo("{u}");
        assertThat(move.commits().get(2).authorDate()).isNull();
    }

    private static RefMove cloudMove(String change) {
        PushNotice push = (PushNotice) Fixtures.readJson(CLOUD, "repo:push",
                "{\"repository\": {\"full_name\": \"ws/repo\"}, \"push\": {\"changes\": [" + change + "]}}");
        assertThat(push.moves()).hasSize(1);
        return push.moves().get(0);
    }

    private static RefMove dataCenterMove(String change) {
        PushNotice push = (PushNotice) Fixtures.readJson(DATACENTER, "repo:refs_changed",
                "{\"repository\": {\"slug\": \"r\", \"project\": {\"key\": \"P\"}}, \"changes\": [" + change + "]}");
        assertThat(push.moves()).hasSize(1);
        return push.moves().get(0);
    }
}
