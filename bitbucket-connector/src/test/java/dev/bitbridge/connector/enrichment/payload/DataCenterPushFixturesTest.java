package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.connector.enrichment.payload.RefMove.Change;
import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;
import dev.bitbridge.connector.enrichment.payload.RefMove.RefType;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.Repository;

import static dev.bitbridge.events.webhook.BitbucketFlavor.DATACENTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data Center {@code repo:refs_changed} fixtures in the three shapes seen: classic (no commits), DC 10 with ISO commit
 * timestamps, and a 2025 capture with epoch-millisecond timestamps and a {@code +0300} date.
 */
class DataCenterPushFixturesTest {

    @Test
    void classicPayloadListsNoCommitsAndCannotSayWhetherForced() {
        PushNotice push = (PushNotice) Fixtures.read(DATACENTER, "repo:refs_changed", "go-scm/server/push.json");

        assertThat(push.repository()).isEqualTo(new Repository("PRJ/my-repo", "my-repo", "1", null));
        assertThat(push.actor()).isEqualTo(new Account("1", null, "jcitizen", "Jane Citizen", "jane@example.com"));
        assertThat(push.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T18:22:00Z"));
        assertThat(push.unattachedCommits()).isEmpty();
        assertThat(push.moves()).containsExactly(new RefMove("master", RefType.BRANCH, Change.UPDATED, null,
                "5c64a07cd6c0f21b753bf261ef059c7e7633c50a", "823b2230a56056231c9425d63758fa87078a66b4", List.of(),
                Listing.NONE, null));
    }

    @Test
    void dataCenter10CreatesABranchWhoseListedCommitsReachTheRootSoTheyAreComplete() {
        PushNotice push = (PushNotice) Fixtures.read(DATACENTER, "repo:refs_changed",
                "jenkins-bbs/server/pushPayload_v10.json");

        assertThat(push.repository()).isEqualTo(new Repository("AMUNIZ/test-repos", "test-repos", "2",
                "http://localhost:7990/bitbucket/projects/AMUNIZ/repos/test-repos/browse"));
        assertThat(push.actor()).isEqualTo(new Account("2", null, "admin", "Administrator", "admin@example.com"));
        assertThat(push.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-06-05T13:54:44Z"));
        assertThat(push.unattachedCommits()).isEmpty();
        RefMove branch = push.moves().get(0);
        assertThat(push.moves()).hasSize(1);
        assertThat(branch.ref()).isEqualTo("feature/BB-1");
        assertThat(branch.refType()).isEqualTo(RefType.BRANCH);
        assertThat(branch.change()).isEqualTo(Change.CREATED);
        assertThat(branch.forced()).isFalse();
        assertThat(branch.oldHash()).as("the all-zero hash").isNull();
        assertThat(branch.newHash()).isEqualTo("fb522a6f08c7c7df337312e4e65ec1b57710672e");
        assertThat(branch.listing()).isEqualTo(Listing.COMPLETE);
        assertThat(branch.commits()).extracting(ListedCommit::hash).containsExactly(
                "fb522a6f08c7c7df337312e4e65ec1b57710672e", "ae995d7a37069d0988462a9c92828971e8a42b5d",
                "bf4f4ce8a3a8d5c7dbfe7d609973a81a6c6664cf", "8d0fa145bde5151f1d103ab1c3dc1033e6ec4ac1");
        Person antonio = new Person(null, "Antonio Muniz", "amuniz@example.com", null);
        assertThat(branch.commits().get(0)).isEqualTo(new ListedCommit("fb522a6f08c7c7df337312e4e65ec1b57710672e",
                "Suppress echo command part", antonio, antonio, OffsetDateTime.parse("2018-09-21T14:09:51Z"),
                OffsetDateTime.parse("2018-09-21T14:09:51Z"), List.of("ae995d7a37069d0988462a9c92828971e8a42b5d"),
                null, null));
        assertThat(branch.commits().get(3).parents()).isEmpty();
    }

    @Test
    void epochMillisTimestampsAndAColonLessOffsetInTheSameCapture() {
        PushNotice push = (PushNotice) Fixtures.read(DATACENTER, "repo:refs_changed",
                "woodpecker/datacenter/HookPush.json");

        Account renovate = new Account("14570", null, "renovatebot", "Renovate Bot", "renovatebot@example.com");
        assertThat(push.repository()).isEqualTo(new Repository("DEV/deployment-automation", "deployment-automation",
                "1684", "https://bitbucket.example.com/projects/DEV/repos/deployment-automation/browse"));
        assertThat(push.actor()).isEqualTo(renovate);
        assertThat(push.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-09-23T03:15:55+03:00"));
        assertThat(push.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(3));

        RefMove branch = push.moves().get(0);
        assertThat(push.moves()).hasSize(1);
        assertThat(branch.ref()).isEqualTo("renovate-all");
        assertThat(branch.change()).isEqualTo(Change.UPDATED);
        assertThat(branch.oldHash()).isEqualTo("e0e15221b987fd8296141c0faa6a79f7c86ca4ce");
        assertThat(branch.newHash()).isEqualTo("76797d54bca87db6d1e3e82ee40622c7908aa514");
        // The listed commit's parent is neither listed nor the old head (Renovate rebased): nothing is proven.
        assertThat(branch.forced()).isNull();
        assertThat(branch.listing()).isEqualTo(Listing.INCOMPLETE);
        Person bot = new Person(null, "Renovate Bot", "renovatebot@example.com", renovate);
        assertThat(branch.commits()).containsExactly(new ListedCommit("76797d54bca87db6d1e3e82ee40622c7908aa514",
                "chore(deps): update all", bot, bot, OffsetDateTime.parse("2025-09-23T00:15:55Z"),
                OffsetDateTime.parse("2025-09-23T00:15:55Z"), List.of("8c49fecb1363fffdf00456cedaaff6a50613725a"), null,
                null));
        assertThat(branch.commits().get(0).authorDate().getOffset()).as("epoch millis are given in UTC")
                .isEqualTo(ZoneOffset.UTC);
        assertThat(push.unattachedCommits()).isEmpty();
    }
}
