package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.connector.enrichment.payload.RefMove.Change;
import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;
import dev.bitbridge.connector.enrichment.payload.RefMove.RefType;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.Repository;

import static dev.bitbridge.events.webhook.BitbucketFlavor.CLOUD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Cloud {@code repo:push} fixtures: every change of a push, its commits and whether Cloud listed them all. */
class CloudPushFixturesTest {

    private static final Account STEPHENC = new Account("{f70f195e-ade1-4961-9f89-547541377b80}",
            "{f70f195e-ade1-4961-9f89-547541377b80}", "stephenc", "Stephen Connolly", null);
    private static final Person STEPHEN = new Person("Stephen Connolly <stephen.alan.connolly@gmail.com>",
            "Stephen Connolly", "stephen.alan.connolly@gmail.com", STEPHENC);

    @Test
    void aPushThatMovesThreeRefsGivesThreeMovesInPayloadOrder() {
        PushNotice push = (PushNotice) Fixtures.read(CLOUD, "repo:push", "jenkins-bbs/cloud/multipleChangesPayload.json");

        assertThat(push.repository()).isEqualTo(new Repository("cloudbeers/temp", "temp",
                "{708c9715-0ecc-4a5d-87ed-63c4ba48ea06}", "https://bitbucket.org/cloudbeers/temp"));
        assertThat(push.actor()).isEqualTo(STEPHENC);
        assertThat(push.occurredAt()).isNull();
        assertThat(push.unattachedCommits()).isEmpty();
        assertThat(push.moves()).extracting(RefMove::ref, RefMove::refType, RefMove::change, RefMove::listing)
                .containsExactly(
                        tuple("main", RefType.BRANCH, Change.UPDATED, Listing.COMPLETE),
                        tuple("manchu", RefType.BRANCH, Change.CREATED,
                                Listing.INCOMPLETE),
                        tuple("v0.1", RefType.TAG, Change.CREATED, Listing.NONE));
    }

    @Test
    void aBranchUpdateListsItsOneCommitCompletely() {
        RefMove main = move("jenkins-bbs/cloud/multipleChangesPayload.json", 0);

        assertThat(main.forced()).isFalse();
        assertThat(main.oldHash()).isEqualTo("fc4d1ce2853b6f1ac0d0dbad643d17ef4a6e0be7");
        assertThat(main.newHash()).isEqualTo("325d37697849f4b1fe42cb19c20134af08e03a82");
        assertThat(main.fullRef()).isEqualTo("refs/heads/main");
        assertThat(main.commits()).containsExactly(new ListedCommit("325d37697849f4b1fe42cb19c20134af08e03a82", "typo\n",
                STEPHEN, null, OffsetDateTime.parse("2017-03-06T16:09:28+00:00"), null,
                List.of("fc4d1ce2853b6f1ac0d0dbad643d17ef4a6e0be7"),
                "https://bitbucket.org/cloudbeers/temp/commits/325d37697849f4b1fe42cb19c20134af08e03a82",
                "https://api.bitbucket.org/2.0/repositories/cloudbeers/temp/commit/"
                        + "325d37697849f4b1fe42cb19c20134af08e03a82"));
    }

    @Test
    void aCreatedBranchWithFiveListedCommitsAndTruncatedIsIncomplete() {
        RefMove manchu = move("jenkins-bbs/cloud/multipleChangesPayload.json", 1);

        assertThat(manchu.oldHash()).isNull();
        assertThat(manchu.newHash()).isEqualTo("e22fcb49645b4586a845938afac5eb3ac1950586");
        assertThat(manchu.forced()).isFalse();
        assertThat(manchu.listing()).isEqualTo(Listing.INCOMPLETE);
        assertThat(manchu.commits()).extracting(ListedCommit::hash).containsExactly(
                "e22fcb49645b4586a845938afac5eb3ac1950586", "fc4d1ce2853b6f1ac0d0dbad643d17ef4a6e0be7",
                "79ea16c6cee7f15c66d0ee7cfa725f8ae6c8b86f", "5449b752db4fa7ca0e2329d7f70122e2a82856cc",
                "1986c228494671574242f99b62d1a00a4bfb69a5");
        ListedCommit merge = manchu.commits().get(4);
        assertThat(merge.message()).isEqualTo("Merged in foo (pull request #2)\n\nREADME.md edited online with Bitbucket\n");
        assertThat(merge.parents()).containsExactly("f612156eff2c958f52f8e6e20c71f396aeaeaff4",
                "a72355f35fde2ad4f5724a279b970ef7b6729131");
        assertThat(merge.authorDate()).isEqualTo(OffsetDateTime.parse("2017-03-06T10:41:57Z"));
        assertThat(merge.author()).isEqualTo(STEPHEN);
        assertThat(merge.url()).isEqualTo(
                "https://bitbucket.org/cloudbeers/temp/commits/1986c228494671574242f99b62d1a00a4bfb69a5");
    }

    @Test
    void aCreatedTagListsNoCommits() {
        RefMove tag = move("jenkins-bbs/cloud/multipleChangesPayload.json", 2);

        assertThat(tag.refType()).isEqualTo(RefType.TAG);
        assertThat(tag.fullRef()).isEqualTo("refs/tags/v0.1");
        assertThat(tag.newHash()).isEqualTo("1986c228494671574242f99b62d1a00a4bfb69a5");
        assertThat(tag.oldHash()).isNull();
        assertThat(tag.commits()).isEmpty();
        assertThat(tag.listing()).isEqualTo(Listing.NONE);
        assertThat(tag.tagMessage()).isNull();
    }

    @Test
    void goScmPushUpdatesMasterWithOneCommitOfALinkedAccount() {
        PushNotice push = (PushNotice) Fixtures.read(CLOUD, "repo:push", "go-scm/cloud/push.json");

        Account brad = new Account("557058:2a6349dc-4346-4805-bd84-3abdd0812d17",
                "{87bb15eb-47c1-49b3-9f16-ca824a2979a4}", "brydzewski", "Brad Rydzewski", null);
        assertThat(push.repository()).isEqualTo(new Repository("brydzewski/foo", "foo",
                "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}", "https://bitbucket.org/brydzewski/foo"));
        assertThat(push.actor()).isEqualTo(brad);
        assertThat(push.moves()).singleElement().satisfies(master -> {
            assertThat(master.ref()).isEqualTo("master");
            assertThat(master.change()).isEqualTo(Change.UPDATED);
            assertThat(master.oldHash()).isEqualTo("40e7580cf11311d84a6e5e97e2cbba6df1675750");
            assertThat(master.newHash()).isEqualTo("141977fedf5cf35aa290ac87d4b5177ac4cd9de1");
            assertThat(master.listing()).isEqualTo(Listing.COMPLETE);
            assertThat(master.commits()).singleElement().satisfies(commit -> {
                assertThat(commit.hash()).isEqualTo("141977fedf5cf35aa290ac87d4b5177ac4cd9de1");
                assertThat(commit.message()).isEqualTo("Update README\n");
                assertThat(commit.author()).isEqualTo(new Person("Brad Rydzewski <brad.rydzewski@gmail.com>",
                        "Brad Rydzewski", "brad.rydzewski@gmail.com", brad));
                assertThat(commit.authorDate()).isEqualTo(OffsetDateTime.parse("2018-07-02T20:26:56+00:00"));
                assertThat(commit.parents()).containsExactly("40e7580cf11311d84a6e5e97e2cbba6df1675750");
                assertThat(commit.url()).isEqualTo(
                        "https://bitbucket.org/brydzewski/foo/commits/141977fedf5cf35aa290ac87d4b5177ac4cd9de1");
            });
        });
    }

    @Test
    void signedPayloadCreatesABranchWithASlashAndFiveCompleteCommits() {
        PushNotice push = (PushNotice) Fixtures.read(CLOUD, "repo:push", "jenkins-bbs/cloud/signed_payload.json");

        Account nikolas = new Account("557058:270a1f96-cd27-4013-ade6-85df2ab9820c",
                "{7d3a178a-a087-4756-b2da-2f9eadf50ba8}", "Nikolas Falco", "Nikolas Falco", null);
        assertThat(push.repository()).isEqualTo(new Repository("nfalco79/test-repos", "test-repos",
                "{3deb8c29-778a-450c-8f69-3e50a18079df}", "https://bitbucket.org/nfalco79/test-repos"));
        assertThat(push.actor()).isEqualTo(nikolas);
        RefMove branch = push.moves().get(0);
        assertThat(push.moves()).hasSize(1);
        assertThat(branch.ref()).isEqualTo("feature/webhook");
        assertThat(branch.change()).isEqualTo(Change.CREATED);
        assertThat(branch.oldHash()).isNull();
        assertThat(branch.newHash()).isEqualTo("d7f300a32270053bdfd97a6d64113f58202c33e7");
        assertThat(branch.listing()).isEqualTo(Listing.COMPLETE);
        assertThat(branch.commits()).extracting(ListedCommit::hash).containsExactly(
                "d7f300a32270053bdfd97a6d64113f58202c33e7", "174561d625c9623b60d8aba09b7f08ddc9df45cd",
                "e43fdffe2def75053da30efa8204d0317a0b932a", "bf4f4ce8a3a8d5c7dbfe7d609973a81a6c6664cf",
                "8d0fa145bde5151f1d103ab1c3dc1033e6ec4ac1");
        ListedCommit newest = branch.commits().get(0);
        assertThat(newest.author()).isEqualTo(new Person("Nikolas Falco <nfalco79@hotmail.com>", "Nikolas Falco",
                "nfalco79@hotmail.com", nikolas));
        assertThat(newest.committer()).as("Cloud sends committer: {}").isNull();
        assertThat(newest.authorDate()).isEqualTo(OffsetDateTime.parse("2025-05-16T07:36:56Z"));
        // An author Bitbucket linked to no account: only git's name and e-mail.
        ListedCommit first = branch.commits().get(4);
        assertThat(first.author()).isEqualTo(new Person("Antonio Muniz <amuniz@example.com>", "Antonio Muniz",
                "amuniz@example.com", null));
        assertThat(first.parents()).isEmpty();
        assertThat(first.message()).isEqualTo("Initial commit");
    }

    private static RefMove move(String fixture, int index) {
        return ((PushNotice) Fixtures.read(CLOUD, "repo:push", fixture)).moves().get(index);
    }
}
