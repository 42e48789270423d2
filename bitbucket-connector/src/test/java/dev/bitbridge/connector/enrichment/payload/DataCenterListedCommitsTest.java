package dev.bitbridge.connector.enrichment.payload;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;

import static dev.bitbridge.events.webhook.BitbucketFlavor.DATACENTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data Center 9.x/10+ lists commits once per push: each ref gets the listed commits its new head leads to, complete
 * only when provably so.
 */
class DataCenterListedCommitsTest {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);
    private static final String D = "d".repeat(40);
    private static final String E = "e".repeat(40);
    private static final String X = "f".repeat(40);
    private static final String Z = "9".repeat(40);
    private static final String ZERO = "0".repeat(40);

    @Test
    void commitsGoToTheRefsTheirNewHeadsLeadTo() {
        PushNotice push = push(
                change("refs/heads/main", "BRANCH", A, C, "UPDATE")
                        + "," + change("refs/heads/feature/x", "BRANCH", ZERO, E, "ADD")
                        + "," + change("refs/tags/v1", "TAG", ZERO, C, "ADD"),
                commit(E, D) + "," + commit(D, X) + "," + commit(C, B) + "," + commit(B, A) + "," + commit(Z, A));

        RefMove main = push.moves().get(0);
        assertThat(main.commits()).extracting(ListedCommit::hash).containsExactly(C, B);
        assertThat(main.listing()).as("C and B lead back to the old head A").isEqualTo(Listing.COMPLETE);
        assertThat(main.forced()).as("A is an ancestor of C: a fast-forward").isFalse();

        RefMove feature = push.moves().get(1);
        assertThat(feature.commits()).extracting(ListedCommit::hash).containsExactly(E, D);
        assertThat(feature.listing()).as("D's parent X is not listed").isEqualTo(Listing.INCOMPLETE);
        assertThat(feature.forced()).isFalse();

        RefMove tag = push.moves().get(2);
        assertThat(tag.commits()).as("a commit several refs lead to is given to each").extracting(ListedCommit::hash)
                .containsExactly(C, B);
        assertThat(tag.listing()).as("B's parent A is not listed and the tag had no old head")
                .isEqualTo(Listing.INCOMPLETE);

        assertThat(push.unattachedCommits()).extracting(ListedCommit::hash).containsExactly(Z);
    }

    @Test
    void anUpdateWhoseCommitsDoNotReachTheOldHeadIsIncompleteAndMaybeForced() {
        PushNotice push = push(change("refs/heads/main", "BRANCH", A, C, "UPDATE"), commit(C, B));

        RefMove main = push.moves().get(0);
        assertThat(main.commits()).extracting(ListedCommit::hash).containsExactly(C);
        assertThat(main.listing()).isEqualTo(Listing.INCOMPLETE);
        assertThat(main.forced()).isNull();
    }

    @Test
    void aMergeIsCompleteOnlyWhenBothParentsAreAccountedFor() {
        String merge = "{\"id\": \"" + C + "\", \"parents\": [{\"id\": \"" + A + "\"}, {\"id\": \"" + B + "\"}]}";
        PushNotice known = push(change("refs/heads/main", "BRANCH", A, C, "UPDATE"), merge + "," + commit(B, A));
        PushNotice unknown = push(change("refs/heads/main", "BRANCH", A, C, "UPDATE"), merge);

        assertThat(known.moves().get(0).listing()).isEqualTo(Listing.COMPLETE);
        assertThat(known.moves().get(0).commits()).extracting(ListedCommit::hash).containsExactly(C, B);
        assertThat(unknown.moves().get(0).listing()).isEqualTo(Listing.INCOMPLETE);
        assertThat(unknown.moves().get(0).forced()).isFalse();
    }

    @Test
    void anEmptyListProvesNothingForAMovedRefButADeletionIsComplete() {
        PushNotice push = push(change("refs/heads/new", "BRANCH", ZERO, A, "ADD") + ","
                + change("refs/heads/gone", "BRANCH", B, ZERO, "DELETE"), "");

        assertThat(push.moves()).extracting(RefMove::listing).containsExactly(Listing.INCOMPLETE, Listing.COMPLETE);
        assertThat(push.moves()).extracting(RefMove::commits).containsExactly(List.of(), List.of());
        assertThat(push.unattachedCommits()).isEmpty();
    }

    @Test
    void anAnnotatedTagsObjectIdLeadsToNoListedCommit() {
        PushNotice push = push(change("refs/tags/v2", "TAG", ZERO, X, "ADD"), commit(C, B));

        assertThat(push.moves().get(0).commits()).isEmpty();
        assertThat(push.moves().get(0).listing()).isEqualTo(Listing.INCOMPLETE);
        assertThat(push.unattachedCommits()).extracting(ListedCommit::hash).containsExactly(C);
    }

    private static PushNotice push(String changes, String commits) {
        return (PushNotice) Fixtures.readJson(DATACENTER, "repo:refs_changed", "{\"repository\": {\"slug\": \"r\","
                + " \"project\": {\"key\": \"P\"}}, \"changes\": [" + changes + "], \"commits\": [" + commits + "]}");
    }

    private static String change(String id, String type, String from, String to, String kind) {
        return "{\"ref\": {\"id\": \"" + id + "\", \"type\": \"" + type + "\"}, \"fromHash\": \"" + from
                + "\", \"toHash\": \"" + to + "\", \"type\": \"" + kind + "\"}";
    }

    private static String commit(String id, String parent) {
        return "{\"id\": \"" + id + "\", \"message\": \"m\", \"authorTimestamp\": 1758586555000,"
                + " \"parents\": [{\"id\": \"" + parent + "\"}]}";
    }
}
