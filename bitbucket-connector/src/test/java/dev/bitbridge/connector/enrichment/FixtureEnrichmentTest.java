package dev.bitbridge.connector.enrichment;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.DeadLetters;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.FileChange;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.SharedFixtures;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;
import dev.bitbridge.testkit.bitbucket.Seeded;
import dev.bitbridge.testkit.bitbucket.Seeding;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every real webhook of the shared fixtures ({@code ../shared/fixtures/MANIFEST.md}, read there at test time and
 * skipped with the reason where absent) in at the raw topic, out as enriched events. Before each one, the simulator is
 * seeded from the same payload ({@link BitbucketSimulator#seedFrom}) so that the repository, commits and pull request
 * it names exist, and what enrichment asks Bitbucket is answered as for native state; each fixture gets an integration
 * of its own, whose workspace (Cloud) or server (Data Center) is the payload's. Tests run in the fixtures' chronological
 * order, so that a repository several fixtures share builds up its history as it did.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
@QuarkusTestResource(BitbucketCloudResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureEnrichmentTest {

    static final String[] CLOUD_SCOPES = { "read:user:bitbucket", "read:repository:bitbucket",
            "read:pullrequest:bitbucket" };
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final RawWebhooks RAW = new RawWebhooks();
    static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();
    static final String DC_PASSWORD = "fixture-reader-password";

    /** Data Center over HTTPS with a self-signed certificate; integrations reach it with TLS verification off. */
    static BitbucketSimulator dataCenter;
    static Account dcReader;

    @InjectBitbucket
    BitbucketSimulator cloud;

    @Inject
    MeterRegistry meters;

    /** {@link #handled()} before the current test's delivery. */
    double handledBefore;

    @BeforeAll
    static void startDataCenter() {
        dataCenter = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, true);
        dcReader = dataCenter.addAccount("Fixture Reader", "fixture-reader@example.com");
        dataCenter.credentials().dcUser(dcReader, DC_PASSWORD);
    }

    @AfterAll
    static void stop() {
        RAW.close();
        if (dataCenter != null) {
            dataCenter.close();
        }
    }

    // --- Bitbucket Cloud pushes ---

    @Test
    @Order(1)
    void multipleChangesPayloadGivesItsThreeRefsAndEveryNewCommitOfTheTruncatedChangeOnce() {
        Seeded seeded = deliver("fx-cloud-three", Flavor.CLOUD, "repo:push",
                "jenkins-bbs/cloud/multipleChangesPayload.json");
        Outcome out = awaitOutcome("fx-cloud-three");

        assertThat(out.refs()).extracting(RefChangeEvent::ref, RefChangeEvent::refType, RefChangeEvent::change)
                .containsExactly(tuple("main", "branch", "updated"), tuple("manchu", "branch", "created"),
                        tuple("v0.1", "tag", "created"));
        RefChangeEvent main = out.refs().get(0);
        assertThat(main.oldHash()).isEqualTo("fc4d1ce2853b6f1ac0d0dbad643d17ef4a6e0be7");
        assertThat(main.newHash()).isEqualTo("325d37697849f4b1fe42cb19c20134af08e03a82");
        assertThat(main.forced()).isFalse();
        assertThat(main.newCommits()).containsExactly("325d37697849f4b1fe42cb19c20134af08e03a82");
        RefChangeEvent manchu = out.refs().get(1);
        assertThat(manchu.newHash()).isEqualTo("e22fcb49645b4586a845938afac5eb3ac1950586");
        // The webhook listed 5 (truncated); all but the head were on main before the push: the one new commit.
        assertThat(manchu.newCommits()).containsExactly("e22fcb49645b4586a845938afac5eb3ac1950586");
        RefChangeEvent tag = out.refs().get(2);
        assertThat(tag.newHash()).isEqualTo("1986c228494671574242f99b62d1a00a4bfb69a5");
        assertThat(tag.newCommits()).isEmpty();
        assertThat(out.refs()).allSatisfy(r -> {
            assertThat(r.repository().fullName()).isEqualTo("cloudbeers/temp");
            assertThat(r.repository().id()).isEqualTo("{708c9715-0ecc-4a5d-87ed-63c4ba48ea06}");
            assertThat(r.actor().uuid()).isEqualTo("{f70f195e-ade1-4961-9f89-547541377b80}");
        });

        // The order is asserted in commitEventsOfAPushComeOldestFirst.
        assertThat(out.commits()).extracting(CommitEvent::hash).containsExactlyInAnyOrder(
                "325d37697849f4b1fe42cb19c20134af08e03a82", "e22fcb49645b4586a845938afac5eb3ac1950586");
        CommitEvent typo = commit(out, "325d37697849f4b1fe42cb19c20134af08e03a82");
        assertThat(typo.message()).isEqualTo("typo\n");
        assertThat(typo.parents()).containsExactly("fc4d1ce2853b6f1ac0d0dbad643d17ef4a6e0be7");
        assertThat(typo.branches()).containsExactly("main");
        assertThat(typo.authorDate()).isEqualTo(OffsetDateTime.parse("2017-03-06T16:09:28+00:00"));
        assertThat(typo.author().raw()).isEqualTo("Stephen Connolly <stephen.alan.connolly@gmail.com>");
        assertThat(typo.author().account().name()).isEqualTo("stephenc");
        assertThat(commit(out, "e22fcb49645b4586a845938afac5eb3ac1950586").branches()).containsExactly("manchu");
        assertThat(out.commits()).allSatisfy(c -> assertFiles(c));
        assertThat(seeded.placeholders()).hasSize(2);

        // One listing of branches, one commits query for the truncated new branch and one for the new tag (both heads
        // unknown to the integration), one diffstat per new commit; no commit fetched on its own.
        String repo = "/2.0/repositories/cloudbeers/temp";
        assertThat(cloud.requestCount("GET", repo + "/refs/branches")).isEqualTo(1);
        assertThat(cloud.requestCount("GET", repo + "/commits")).isEqualTo(2);
        assertThat(cloud.requestCount("GET", repo + "/diffstat/**")).isEqualTo(2);
        assertThat(cloud.requestCount("GET", repo + "/commit/**")).isZero();
        assertThat(cloud.requestCount("GET", "/2.0/**")).isEqualTo(5);
    }

    @Test
    @Order(1)
    void commitEventsOfAPushComeOldestFirst() {
        deliver("fx-cloud-three-order", Flavor.CLOUD, "repo:push", "jenkins-bbs/cloud/multipleChangesPayload.json");
        Outcome out = awaitOutcome("fx-cloud-three-order");
        assertThat(out.commits()).extracting(CommitEvent::hash).as("oldest first").containsExactly(
                "325d37697849f4b1fe42cb19c20134af08e03a82", "e22fcb49645b4586a845938afac5eb3ac1950586");
    }

    @Test
    @Order(2)
    void goScmPushGivesOneRefAndItsOneCommit() {
        deliver("fx-cloud-push", Flavor.CLOUD, "repo:push", "go-scm/cloud/push.json");
        Outcome out = awaitOutcome("fx-cloud-push");

        assertThat(out.refs()).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo("master");
            assertThat(r.change()).isEqualTo("updated");
            assertThat(r.oldHash()).isEqualTo("40e7580cf11311d84a6e5e97e2cbba6df1675750");
            assertThat(r.newCommits()).containsExactly("141977fedf5cf35aa290ac87d4b5177ac4cd9de1");
        });
        assertThat(out.commits()).singleElement().satisfies(c -> {
            assertThat(c.hash()).isEqualTo("141977fedf5cf35aa290ac87d4b5177ac4cd9de1");
            assertThat(c.message()).isEqualTo("Update README\n");
            assertThat(c.author().account().name()).isEqualTo("brydzewski");
            assertFiles(c);
        });
        assertThat(cloud.requestCount("GET", "/2.0/**")).as("the list was complete: files only").isEqualTo(1);
    }

    @Test
    @Order(3)
    void signedPayloadGivesANewBranchWithItsWholeListedHistory() {
        Seeded seeded = deliver("fx-cloud-signed", Flavor.CLOUD, "repo:push", "jenkins-bbs/cloud/signed_payload.json");
        Outcome out = awaitOutcome("fx-cloud-signed");

        assertThat(out.refs()).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo("feature/webhook");
            assertThat(r.change()).isEqualTo("created");
            assertThat(r.newCommits()).containsExactlyElementsOf(seeded.described());
        });
        assertThat(out.commits()).extracting(CommitEvent::hash).as("oldest first")
                .containsExactlyElementsOf(reversed(seeded.described()));
        assertThat(out.commits()).allSatisfy(c -> assertFiles(c));
        assertThat(out.commits().get(0).author().account()).as("Cloud linked no account to the first commits")
                .isNull();
        assertThat(out.commits().get(0).author().email()).isEqualTo("amuniz@example.com");
        assertThat(cloud.requestCount("GET", "/2.0/**")).isEqualTo(5);
    }

    // --- Bitbucket Cloud pull requests ---

    @Test
    @Order(4)
    void prCreatedIsOpenedWithItsCommitAndFiles() {
        Seeded seeded = deliver("fx-cloud-pr-created", Flavor.CLOUD, "pullrequest:created",
                "go-scm/cloud/pr_created.json");
        Outcome out = awaitOutcome("fx-cloud-pr-created");
        String head = seeded.full("507a576e59b3");

        PullRequestEvent pr = single(out);
        assertThat(pr.action()).isEqualTo("opened");
        assertThat(pr.id()).isEqualTo(1);
        assertThat(pr.title()).isEqualTo("Awesome new feature");
        assertThat(pr.state()).isEqualTo("OPEN");
        assertThat(pr.repository().fullName()).isEqualTo("brydzewski/foo");
        assertThat(pr.author().uuid()).isEqualTo("{87bb15eb-47c1-49b3-9f16-ca824a2979a4}");
        assertThat(pr.source().branch()).isEqualTo("develop");
        assertThat(pr.source().commit()).as("completed from the 12 characters").isEqualTo(head);
        assertThat(pr.destination().branch()).isEqualTo("master");
        assertThat(pr.destination().commit()).isEqualTo("7d1a175411ef");
        assertThat(pr.reviewers()).isEmpty();
        assertThat(pr.commits()).containsExactly(head);
        assertThat(pr.files()).containsExactly(added(head));
        assertThat(pr.filesPending()).isFalse();
        assertThat(out.commits()).extracting(CommitEvent::hash).as("new to the repository").containsExactly(head);
        assertThat(out.refs()).isEmpty();
    }

    @Test
    @Order(5)
    void prUpdatedIsUpdatedWithItsNewHead() {
        Seeded seeded = deliver("fx-cloud-pr-updated", Flavor.CLOUD, "pullrequest:updated",
                "go-scm/cloud/pr_updated.json");
        Outcome out = awaitOutcome("fx-cloud-pr-updated");
        String head = seeded.full("0704fc5beccc");

        PullRequestEvent pr = single(out);
        assertThat(pr.action()).isEqualTo("updated");
        assertThat(pr.id()).isEqualTo(1);
        assertThat(pr.source().commit()).isEqualTo(head);
        assertThat(pr.commits()).containsExactly(head);
        assertThat(pr.files()).containsExactly(added(head));
        assertThat(pr.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-02T21:54:34.210775+00:00"));
        assertThat(out.commits()).extracting(CommitEvent::hash).containsExactly(head);
    }

    @Test
    @Order(6)
    void prFulfilledIsMergedWithoutACall() {
        deliver("fx-cloud-pr-fulfilled", Flavor.CLOUD, "pullrequest:fulfilled", "go-scm/cloud/pr_fulfilled.json");
        PullRequestEvent pr = single(awaitOutcome("fx-cloud-pr-fulfilled"));
        assertThat(pr.action()).isEqualTo("merged");
        assertThat(pr.state()).isEqualTo("MERGED");
        assertThat(pr.mergeCommit()).isEqualTo("4f8f6de9d0ff");
        assertThat(pr.commits()).isNull();
        assertThat(cloud.requestCount("GET", "/2.0/**")).isZero();
    }

    @Test
    @Order(7)
    void prDeclinedIsDeclinedWithoutACall() {
        deliver("fx-cloud-pr-declined", Flavor.CLOUD, "pullrequest:rejected", "go-scm/cloud/pr_declined.json");
        PullRequestEvent pr = single(awaitOutcome("fx-cloud-pr-declined"));
        assertThat(pr.action()).isEqualTo("declined");
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.state()).isEqualTo("DECLINED");
        assertThat(pr.title()).isEqualTo("update README");
        assertThat(pr.destination().commit()).isEqualTo("4f8f6de9d0ff");
        assertThat(cloud.requestCount("GET", "/2.0/**")).isZero();
    }

    @Test
    @Order(8)
    void prCommentCreatedCarriesTheComment() {
        deliver("fx-cloud-pr-comment", Flavor.CLOUD, "pullrequest:comment_created",
                "go-scm/cloud/pr_comment_created.json");
        PullRequestEvent pr = single(awaitOutcome("fx-cloud-pr-comment"));
        assertThat(pr.action()).isEqualTo("comment_created");
        assertThat(pr.repository().fullName()).isEqualTo("rutvijmehta-harness/spring-cloud-alibaba");
        assertThat(pr.comment()).isEqualTo(new PullRequestEvent.Comment(311512047, "test comment"));
        assertThat(pr.source().branch()).isEqualTo("tiwhitepaper-rutvij");
        assertThat(pr.destination().branch()).isEqualTo("2021.x");
        assertThat(pr.reviewers()).extracting(r -> r.account().displayName(), PullRequestEvent.Reviewer::role,
                PullRequestEvent.Reviewer::state).containsExactly(tuple("Rutvij Mehta", "PARTICIPANT", "none"));
        assertThat(pr.occurredAt()).isEqualTo(OffsetDateTime.parse("2022-06-23T22:10:09.939925+00:00"));
        assertThat(cloud.requestCount("GET", "/2.0/**")).isZero();
    }

    @Test
    @Order(9)
    void hookPullCommentCreatedCarriesTheComment() {
        deliver("fx-cloud-wp-comment", Flavor.CLOUD, "pullrequest:comment_created",
                "woodpecker/cloud/HookPullCommentCreated.json");
        PullRequestEvent pr = single(awaitOutcome("fx-cloud-wp-comment"));
        assertThat(pr.action()).isEqualTo("comment_created");
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.comment()).isEqualTo(new PullRequestEvent.Comment(669392967, "a comment"));
        assertThat(pr.actor().name()).isEqualTo("6543");
    }

    @Test
    @Order(10)
    void hookPullApprovedIsApprovedWithTheApproverAmongTheReviewers() {
        deliver("fx-cloud-wp-approved", Flavor.CLOUD, "pullrequest:approved", "woodpecker/cloud/HookPullApproved.json");
        PullRequestEvent pr = single(awaitOutcome("fx-cloud-wp-approved"));
        assertThat(pr.action()).isEqualTo("approved");
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.repository().fullName()).isEqualTo("6543/collect-webhooks");
        assertThat(pr.source().branch()).isEqualTo("wen-emos");
        assertThat(pr.destination().branch()).isEqualTo("niam");
        assertThat(pr.actor().uuid()).isEqualTo("{b9585e33-8f06-4fec-907d-1189f18699e2}");
        assertThat(pr.reviewers()).extracting(r -> r.account().name(), PullRequestEvent.Reviewer::role,
                PullRequestEvent.Reviewer::state).containsExactly(tuple("6543", "PARTICIPANT", "none"),
                        tuple("demoaccount2-commits", "PARTICIPANT", "approved"));
        assertThat(pr.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-08-12T17:00:46.982257+00:00"));
        assertThat(cloud.requestCount("GET", "/2.0/**")).isZero();
    }

    @Test
    @Order(11)
    void aCommitStatusEchoIsSkippedWithNoOutput() {
        Seeded seeded = deliverSkipped("fx-cloud-status", Flavor.CLOUD, "repo:commit_status_created",
                "go-scm/cloud/pipeline_hook_created.json", "skipped:own_status_echo");
        assertThat(seeded.repository().fullName()).isEqualTo("automationtestharness/testrepo");
        assertThat(outcome("fx-cloud-status").any()).isFalse();
        assertThat(cloud.requestCount("GET", "/2.0/**")).isZero();
    }

    // --- Bitbucket Data Center pushes ---

    @Test
    @Order(20)
    void aClassicDataCenterPushGetsItsCommitsBySinceAndUntil() {
        deliver("fx-dc-classic", Flavor.DATA_CENTER, "repo:refs_changed", "go-scm/server/push.json");
        Outcome out = awaitOutcome("fx-dc-classic");

        assertThat(out.refs()).singleElement().satisfies(r -> {
            assertThat(r.repository().fullName()).isEqualTo("PRJ/my-repo");
            assertThat(r.ref()).isEqualTo("master");
            assertThat(r.change()).isEqualTo("updated");
            assertThat(r.oldHash()).isEqualTo("5c64a07cd6c0f21b753bf261ef059c7e7633c50a");
            assertThat(r.newHash()).isEqualTo("823b2230a56056231c9425d63758fa87078a66b4");
            assertThat(r.forced()).as("the new head descends from the old").isFalse();
            assertThat(r.newCommits()).containsExactly("823b2230a56056231c9425d63758fa87078a66b4");
            assertThat(r.actor().name()).isEqualTo("jcitizen");
        });
        assertThat(out.commits()).singleElement().satisfies(c -> {
            assertThat(c.hash()).isEqualTo("823b2230a56056231c9425d63758fa87078a66b4");
            assertThat(c.parents()).containsExactly("5c64a07cd6c0f21b753bf261ef059c7e7633c50a");
            assertThat(c.branches()).containsExactly("master");
            assertFiles(c);
        });
        String repo = "/rest/api/1.0/projects/PRJ/repos/my-repo";
        assertThat(dataCenter.requestCount("GET", repo + "/commits")).as("since/until, once").isEqualTo(1);
        assertThat(dataCenter.requests()).filteredOn(r -> r.path().equals(repo + "/commits")).singleElement()
                .satisfies(r -> assertThat(r.query()).contains("until=823b2230a56056231c9425d63758fa87078a66b4")
                        .contains("since=5c64a07cd6c0f21b753bf261ef059c7e7633c50a"));
        assertThat(dataCenter.requestCount("GET", repo + "/commits/*/changes")).isEqualTo(1);
    }

    @Test
    @Order(21)
    void aDataCenter10PushWithIsoTimestampsGivesTheNewBranchAndItsListedCommits() {
        Seeded seeded = deliver("fx-dc-v10", Flavor.DATA_CENTER, "repo:refs_changed",
                "jenkins-bbs/server/pushPayload_v10.json");
        Outcome out = awaitOutcome("fx-dc-v10");

        assertThat(out.refs()).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo("feature/BB-1");
            assertThat(r.change()).isEqualTo("created");
            assertThat(r.newCommits()).containsExactlyElementsOf(seeded.described());
        });
        assertThat(out.commits()).extracting(CommitEvent::hash).containsExactlyElementsOf(reversed(seeded
                .described()));
        CommitEvent newest = out.commits().get(3);
        assertThat(newest.hash()).isEqualTo("fb522a6f08c7c7df337312e4e65ec1b57710672e");
        assertThat(newest.authorDate()).isEqualTo(OffsetDateTime.parse("2018-09-21T14:09:51Z"));
        assertThat(newest.author().name()).isEqualTo("Antonio Muniz");
        assertThat(newest.author().email()).isEqualTo("amuniz@example.com");
        assertThat(out.commits()).allSatisfy(c -> assertFiles(c));
        assertThat(dataCenter.requestCount("GET", "/rest/api/1.0/projects/AMUNIZ/repos/test-repos/commits"))
                .as("the listed history was complete").isZero();
    }

    @Test
    @Order(22)
    void aDataCenterPushWithEpochTimestampsCompletesItsListFromTheServer() {
        deliver("fx-dc-hookpush", Flavor.DATA_CENTER, "repo:refs_changed", "woodpecker/datacenter/HookPush.json");
        Outcome out = awaitOutcome("fx-dc-hookpush");

        assertThat(out.refs()).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo("renovate-all");
            assertThat(r.change()).isEqualTo("updated");
            assertThat(r.forced()).as("the new head does not descend from the old one").isTrue();
            assertThat(r.newCommits()).containsExactly("76797d54bca87db6d1e3e82ee40622c7908aa514",
                    "8c49fecb1363fffdf00456cedaaff6a50613725a");
            assertThat(r.actor().name()).isEqualTo("renovatebot");
        });
        assertThat(out.commits()).extracting(CommitEvent::hash).containsExactly(
                "8c49fecb1363fffdf00456cedaaff6a50613725a", "76797d54bca87db6d1e3e82ee40622c7908aa514");
        CommitEvent renovate = out.commits().get(1);
        assertThat(renovate.message()).isEqualTo("chore(deps): update all");
        assertThat(renovate.authorDate().toInstant().toEpochMilli()).isEqualTo(1758586555000L);
        assertThat(renovate.author().account().name()).isEqualTo("renovatebot");
        assertThat(out.commits()).allSatisfy(c -> assertFiles(c));
        assertThat(dataCenter.requestCount("GET", "/rest/api/1.0/projects/DEV/repos/deployment-automation/commits"))
                .isEqualTo(1);
    }

    // --- Bitbucket Data Center pull requests ---

    @Test
    @Order(23)
    void prOpenIsOpenedWithItsCommitAndFiles() {
        assertDataCenterOpened("fx-dc-pr-open", "go-scm/server/pr_open.json");
    }

    @Test
    @Order(24)
    void prOpenWithIsoDatesIsTheSameOpening() {
        assertDataCenterOpened("fx-dc-pr-open-iso", "go-scm/server/pr_open_iso_dates.json");
    }

    @Test
    @Order(25)
    void prDeclinedIsDeclined() {
        deliver("fx-dc-pr-declined", Flavor.DATA_CENTER, "pr:declined", "go-scm/server/pr_declined.json");
        PullRequestEvent pr = single(awaitOutcome("fx-dc-pr-declined"));
        assertThat(pr.action()).isEqualTo("declined");
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.state()).isEqualTo("DECLINED");
        assertThat(pr.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:30:48Z"));
        assertThat(dataCenter.requestCount("GET", "/rest/**")).isZero();
    }

    @Test
    @Order(26)
    void prMergedIsMergedWithItsMergeCommit() {
        deliver("fx-dc-pr-merged", Flavor.DATA_CENTER, "pr:merged", "go-scm/server/pr_merged.json");
        PullRequestEvent pr = single(awaitOutcome("fx-dc-pr-merged"));
        assertThat(pr.action()).isEqualTo("merged");
        assertThat(pr.id()).isEqualTo(3);
        assertThat(pr.state()).isEqualTo("MERGED");
        assertThat(pr.mergeCommit()).isEqualTo("83f836ca538dc4f43d29fda46a5b85ea49f1b8e7");
        assertThat(pr.description()).isEqualTo("* added LICENSE\r\n* add COPYING file");
        assertThat(dataCenter.requestCount("GET", "/rest/**")).isZero();
    }

    @Test
    @Order(27)
    void prFromRefUpdatedIsUpdatedWithThePreviousHeadAndBothCommits() {
        deliver("fx-dc-pr-updated", Flavor.DATA_CENTER, "pr:from_ref_updated",
                "go-scm/server/pr_from_ref_updated.json");
        Outcome out = awaitOutcome("fx-dc-pr-updated");
        PullRequestEvent pr = single(out);
        assertThat(pr.action()).isEqualTo("updated");
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.source().branch()).isEqualTo("feature-2");
        assertThat(pr.source().commit()).isEqualTo("c00d0f269a9844dd168f72f6a9d78a9cff49a318");
        assertThat(pr.previousHead()).isEqualTo("caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd");
        assertThat(pr.commits()).containsExactly("c00d0f269a9844dd168f72f6a9d78a9cff49a318",
                "caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd");
        assertThat(pr.files()).containsExactlyInAnyOrder(added("c00d0f269a9844dd168f72f6a9d78a9cff49a318"),
                added("caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd"));
        assertThat(out.commits()).extracting(CommitEvent::hash).containsExactly(
                "caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd", "c00d0f269a9844dd168f72f6a9d78a9cff49a318");
    }

    @Test
    @Order(28)
    void aPingIsSkippedWithNoOutput() {
        Seeded seeded = deliverSkipped("fx-dc-ping", Flavor.DATA_CENTER, "diagnostics:ping",
                "jenkins-bbs/server/ping.json", "skipped:ping");
        assertThat(seeded.repository()).isNull();
        assertThat(outcome("fx-dc-ping").any()).isFalse();
        assertThat(dataCenter.requestCount("GET", "/rest/**")).isZero();
    }

    private void assertDataCenterOpened(String integration, String fixture) {
        deliver(integration, Flavor.DATA_CENTER, "pr:opened", fixture);
        Outcome out = awaitOutcome(integration);
        String head = "208b0a5c05eddadad01f2aed8802fe0c3b3eaf5e";

        PullRequestEvent pr = single(out);
        assertThat(pr.action()).isEqualTo("opened");
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.title()).isEqualTo("added LICENSE");
        assertThat(pr.description()).isEqualTo("added BSD license text");
        assertThat(pr.author().name()).isEqualTo("jcitizen");
        assertThat(pr.author().email()).isEqualTo("jane@example.com");
        assertThat(pr.source().branch()).isEqualTo("develop");
        assertThat(pr.source().commit()).isEqualTo(head);
        assertThat(pr.destination().branch()).isEqualTo("master");
        assertThat(pr.destination().commit()).isEqualTo("823b2230a56056231c9425d63758fa87078a66b4");
        assertThat(pr.reviewers()).isEmpty();
        assertThat(pr.commits()).containsExactly(head);
        assertThat(pr.files()).containsExactly(added(head));
        assertThat(pr.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:21:30Z"));
        assertThat(out.commits()).extracting(CommitEvent::hash).containsExactly(head);
        String repo = "/rest/api/1.0/projects/PRJ/repos/my-repo";
        assertThat(dataCenter.requestCount("GET", repo + "/pull-requests/2/commits")).isEqualTo(1);
        assertThat(dataCenter.requestCount("GET", repo + "/pull-requests/2/changes")).isEqualTo(1);
    }

    // --- Delivery and outputs ---

    /**
     * Seeds the simulator of the flavor from the fixture, creates an integration for its workspace or server and
     * publishes the fixture's body as the ingress would, with its event key.
     */
    private Seeded deliver(String integration, Flavor flavor, String eventKey, String fixture) {
        byte[] body = SharedFixtures.bytes(fixture);
        BitbucketSimulator bitbucket = flavor == Flavor.CLOUD ? cloud : dataCenter;
        Seeded seeded = bitbucket.seedFrom(flavor, eventKey, body);
        if (flavor == Flavor.CLOUD) {
            cloudIntegration(integration, seeded.repository().owner());
        } else {
            dataCenterIntegration(integration, seeded);
        }
        bitbucket.clearRequests();
        handledBefore = handled();
        RAW.publish(integration, flavor == Flavor.CLOUD ? BitbucketFlavor.CLOUD : BitbucketFlavor.DATACENTER,
                eventKey, integration + "-delivery", seeded.repository() == null ? null
                        : seeded.repository().fullName(),
                body);
        return seeded;
    }

    /** Delivers a fixture that enrichment skips, and waits until it was (counted with the reason). */
    private Seeded deliverSkipped(String integration, Flavor flavor, String eventKey, String fixture,
            String reason) {
        double before = skipped(reason);
        Seeded seeded = deliver(integration, flavor, eventKey, fixture);
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(skipped(reason)).as("events skipped as " + reason)
                        .isGreaterThan(before));
        return seeded;
    }

    /** @return how many raw webhooks enrichment handled so far, whatever the outcome (counted before committing) */
    private double handled() {
        return meters.find("bitbridge.connector.enrichment.events").counters().stream().mapToDouble(Counter::count)
                .sum();
    }

    private double skipped(String reason) {
        Counter counter = meters.find("bitbridge.connector.enrichment.events").tags("outcome", "skipped", "reason",
                reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private void cloudIntegration(String name, String workspace) {
        Account account = cloud.addAccount("Owner of " + name, name + "@example.com");
        cloud.credentials().apiToken(account, "tok-" + name, CLOUD_SCOPES);
        asAdmin().body(json(Map.of("name", name, "flavor", "cloud", "workspace", workspace, "credentials",
                Map.of("kind", "cloud-api-token", "email", name + "@example.com", "token", "tok-" + name))))
                .post("/api/v1/integrations").then().statusCode(201);
    }

    private void dataCenterIntegration(String name, Seeded seeded) {
        if (seeded.repository() != null) {
            dataCenter.credentials().grant(dcReader, DcPermission.PROJECT_READ, seeded.repository().owner(), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("flavor", "datacenter");
        body.put("baseUrl", dataCenter.serverUrl());
        body.put("verifyTls", false);
        body.put("credentials", Map.of("kind", "datacenter-basic", "username", dcReader.name(), "password",
                DC_PASSWORD));
        asAdmin().body(json(body)).post("/api/v1/integrations").then().statusCode(201);
    }

    /** What enrichment wrote for one integration, as a {@code read_committed} consumer sees it. */
    record Outcome(List<RefChangeEvent> refs, List<CommitEvent> commits, List<PullRequestEvent> pullRequests,
            List<ConsumerRecord<String, byte[]>> deadLetters) {

        boolean any() {
            return !refs.isEmpty() || !commits.isEmpty() || !pullRequests.isEmpty() || !deadLetters.isEmpty();
        }
    }

    /**
     * Waits for the integration's first output (an event's outputs are committed in one transaction, so they appear
     * together) and asserts that it is no dead letter.
     */
    private Outcome awaitOutcome(String integration) {
        // Cheap to poll: the metric counts the event once handled, a moment before its transaction commits.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100))
                .until(() -> handled() > handledBefore);
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                .until(() -> outcome(integration).any());
        Outcome out = outcome(integration);
        assertThat(out.deadLetters()).as("dead letters of %s: %s", integration, out.deadLetters().stream()
                .map(r -> TopicScanner.header(r, DeadLetters.HEADER_REASON) + ": "
                        + TopicScanner.header(r, DeadLetters.HEADER_DETAIL))
                .toList()).isEmpty();
        return out;
    }

    private static Outcome outcome(String integration) {
        return new Outcome(read(Topics.REFS_V1, integration, RefChangeEvent.class),
                read(Topics.COMMITS_V1, integration, CommitEvent.class),
                read(Topics.PULLREQUESTS_V1, integration, PullRequestEvent.class),
                TOPICS.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1).stream()
                        .filter(r -> ownedBy(r, integration)).toList());
    }

    private static <T> List<T> read(String topic, String integration, Class<T> type) {
        return TOPICS.readCommitted(topic).stream()
                .filter(r -> ownedBy(r, integration))
                .filter(r -> TopicScanner.header(r, CloudEvents.HEADER_ID) != null)
                .map(r -> {
                    try {
                        return JSON.readValue(r.value(), type);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    private static boolean ownedBy(ConsumerRecord<String, byte[]> record, String integration) {
        return record.key() != null && (record.key().equals(integration) || record.key().startsWith(integration
                + ":"));
    }

    private static CommitEvent commit(Outcome out, String hash) {
        return out.commits().stream().filter(c -> c.hash().equals(hash)).findFirst()
                .orElseThrow(() -> new AssertionError("No commit event for " + hash));
    }

    private static PullRequestEvent single(Outcome out) {
        assertThat(out.pullRequests()).hasSize(1);
        return out.pullRequests().get(0);
    }

    /** Each seeded commit adds a file of its own: enrichment attached exactly that one. */
    private static void assertFiles(CommitEvent commit) {
        assertThat(commit.files()).as("files of %s", commit.hash()).containsExactly(added(commit.hash()));
        assertThat(commit.filesPending()).isFalse();
    }

    private static FileChange added(String hash) {
        return new FileChange(Seeding.seededFile(hash), FileChange.ChangeType.ADDED, null);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
