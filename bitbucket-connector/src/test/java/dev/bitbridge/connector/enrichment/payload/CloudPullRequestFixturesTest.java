package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitbridge.connector.enrichment.payload.PullRequestNotice.Action;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent.Comment;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;
import dev.bitbridge.events.scm.Repository;

import static dev.bitbridge.events.webhook.BitbucketFlavor.CLOUD;
import static org.assertj.core.api.Assertions.assertThat;

/** Cloud {@code pullrequest:*} fixtures, and the commit status echo that must never trigger anything. */
class CloudPullRequestFixturesTest {

    private static final Repository FOO = new Repository("brydzewski/foo", "foo",
            "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}", "https://bitbucket.org/brydzewski/foo");
    private static final Account BRAD = new Account("557058:2a6349dc-4346-4805-bd84-3abdd0812d17",
            "{87bb15eb-47c1-49b3-9f16-ca824a2979a4}", "brydzewski", "Brad Rydzewski", null);
    private static final Repository COLLECT = new Repository("6543/collect-webhooks", "collect-webhooks",
            "{cbddcb41-064e-4190-9685-c0540c2ec622}", "https://bitbucket.org/6543/collect-webhooks");
    private static final Account USER_6543 = new Account("5f614bd12d51d4006ab36374",
            "{6cb0e486-3c5a-41bb-b009-2142d2cbe5d7}", "6543", "6543", null);
    private static final Account DEMO = new Account("712020:a838ae83-3081-4a52-8dd6-295bfa6a25e1",
            "{b9585e33-8f06-4fec-907d-1189f18699e2}", "demoaccount2-commits", "demoaccount2-commits", null);

    @Test
    void createdIsOpenedWithShortHashesAsGiven() {
        PullRequestNotice notice = read("pullrequest:created", "go-scm/cloud/pr_created.json");

        assertThat(notice.action()).isEqualTo(Action.OPENED);
        assertThat(notice.action().id()).isEqualTo("opened");
        assertThat(notice.repository()).isEqualTo(FOO);
        assertThat(notice.actor()).isEqualTo(BRAD);
        assertThat(notice.previousHead()).isNull();
        assertThat(notice.comment()).isNull();
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-02T21:51:39.532546+00:00"));
        assertThat(notice.pullRequest()).isEqualTo(new PullRequestSnapshot(1, "Awesome new feature",
                "made some changes", "OPEN", BRAD, new Endpoint("develop", "507a576e59b3", FOO),
                new Endpoint("master", "7d1a175411ef", FOO), List.of(), null,
                "https://bitbucket.org/brydzewski/foo/pull-requests/1",
                OffsetDateTime.parse("2018-07-02T21:51:39.492248+00:00"),
                OffsetDateTime.parse("2018-07-02T21:51:39.532546+00:00")));
    }

    @Test
    void updatedCarriesTheNewSourceHead() {
        PullRequestNotice notice = read("pullrequest:updated", "go-scm/cloud/pr_updated.json");

        assertThat(notice.action()).isEqualTo(Action.UPDATED);
        assertThat(notice.pullRequest().source()).isEqualTo(new Endpoint("develop", "0704fc5beccc", FOO));
        assertThat(notice.previousHead()).as("Cloud does not say").isNull();
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-02T21:54:34.210775+00:00"));
    }

    @Test
    void fulfilledIsMergedWithTheMergeCommit() {
        PullRequestNotice notice = read("pullrequest:fulfilled", "go-scm/cloud/pr_fulfilled.json");

        assertThat(notice.action()).isEqualTo(Action.MERGED);
        assertThat(notice.pullRequest().state()).isEqualTo("MERGED");
        assertThat(notice.pullRequest().mergeCommit()).isEqualTo("4f8f6de9d0ff");
        assertThat(notice.pullRequest().source().commit()).isEqualTo("0704fc5beccc");
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-03T01:28:05.903251+00:00"));
    }

    @Test
    void rejectedIsDeclinedAndAnEmptyDescriptionIsNull() {
        PullRequestNotice notice = read("pullrequest:rejected", "go-scm/cloud/pr_declined.json");

        assertThat(notice.action()).isEqualTo(Action.DECLINED);
        PullRequestSnapshot pr = notice.pullRequest();
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.title()).isEqualTo("update README");
        assertThat(pr.description()).isNull();
        assertThat(pr.state()).isEqualTo("DECLINED");
        assertThat(pr.mergeCommit()).isNull();
        assertThat(pr.source()).isEqualTo(new Endpoint("develop", "6ca9fe26898a", FOO));
        assertThat(pr.destination()).isEqualTo(new Endpoint("master", "4f8f6de9d0ff", FOO));
        assertThat(pr.url()).isEqualTo("https://bitbucket.org/brydzewski/foo/pull-requests/2");
    }

    @Test
    void goScmCommentCreatedCarriesTheCommentAndItsDate() {
        PullRequestNotice notice = read("pullrequest:comment_created", "go-scm/cloud/pr_comment_created.json");

        Account rutvij = new Account("624de6f6fd5e450070486936", "{145a94da-035e-42d6-bf85-296cea8005ba}",
                "Rutvij Mehta", "Rutvij Mehta", null);
        Repository alibaba = new Repository("rutvijmehta-harness/spring-cloud-alibaba", "spring-cloud-alibaba",
                "{4402cbae-7790-453a-b29e-5fcab61a84df}",
                "https://bitbucket.org/rutvijmehta-harness/spring-cloud-alibaba");
        assertThat(notice.action()).isEqualTo(Action.COMMENT_CREATED);
        assertThat(notice.comment()).isEqualTo(new Comment(311512047L, "test comment"));
        assertThat(notice.actor()).isEqualTo(rutvij);
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2022-06-23T22:10:09.939925+00:00"));
        assertThat(notice.repository()).isEqualTo(alibaba);
        assertThat(notice.pullRequest().source()).isEqualTo(new Endpoint("tiwhitepaper-rutvij", "b9437f32dddd",
                alibaba));
        assertThat(notice.pullRequest().destination()).isEqualTo(new Endpoint("2021.x", "cfd2d864e389", alibaba));
        assertThat(notice.pullRequest().description()).isEqualTo("Test");
        assertThat(notice.pullRequest().reviewers()).containsExactly(new Reviewer(rutvij, "PARTICIPANT", "none"));
    }

    @Test
    void approvedTakesTheApprovalDateAndParticipantStates() {
        PullRequestNotice notice = read("pullrequest:approved", "woodpecker/cloud/HookPullApproved.json");

        assertThat(notice.action()).isEqualTo(Action.APPROVED);
        assertThat(notice.repository()).isEqualTo(COLLECT);
        assertThat(notice.actor()).isEqualTo(DEMO);
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-08-12T17:00:46.982257+00:00"));
        PullRequestSnapshot pr = notice.pullRequest();
        assertThat(pr.id()).isEqualTo(2);
        assertThat(pr.title()).isEqualTo("aha");
        assertThat(pr.description()).isNull();
        assertThat(pr.author()).isEqualTo(USER_6543);
        assertThat(pr.source()).isEqualTo(new Endpoint("wen-emos", "26240d6b7e74", COLLECT));
        assertThat(pr.destination()).isEqualTo(new Endpoint("niam", "859c737a468f", COLLECT));
        assertThat(pr.reviewers()).containsExactly(new Reviewer(USER_6543, "PARTICIPANT", "none"),
                new Reviewer(DEMO, "PARTICIPANT", "approved"));
        assertThat(pr.createdAt()).isEqualTo(OffsetDateTime.parse("2025-08-12T15:46:15.353760+00:00"));
    }

    @Test
    void woodpeckerCommentCreated() {
        PullRequestNotice notice = read("pullrequest:comment_created", "woodpecker/cloud/HookPullCommentCreated.json");

        assertThat(notice.comment()).isEqualTo(new Comment(669392967L, "a comment"));
        assertThat(notice.actor()).isEqualTo(USER_6543);
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-08-12T16:51:27.119515+00:00"));
        assertThat(notice.pullRequest().url()).isEqualTo("https://bitbucket.org/6543/collect-webhooks/pull-requests/2");
    }

    @ParameterizedTest
    @ValueSource(strings = { "repo:commit_status_created", "repo:commit_status_updated" })
    void aCommitStatusEchoIsIgnored(String eventKey) {
        Notice notice = Fixtures.read(CLOUD, eventKey, "go-scm/cloud/pipeline_hook_created.json");

        assertThat(notice).isEqualTo(new Ignored(Ignored.Reason.OWN_STATUS_ECHO, eventKey));
        assertThat(((Ignored) notice).reason().code()).isEqualTo("own_status_echo");
    }

    private static PullRequestNotice read(String eventKey, String fixture) {
        return (PullRequestNotice) Fixtures.read(CLOUD, eventKey, fixture);
    }
}
