package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.connector.enrichment.payload.PullRequestNotice.Action;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.Repository;

import static dev.bitbridge.events.webhook.BitbucketFlavor.DATACENTER;
import static org.assertj.core.api.Assertions.assertThat;

/** Data Center {@code pr:*} fixtures (epoch and ISO dates) and the unsigned ping. */
class DataCenterPullRequestFixturesTest {

    private static final Repository MY_REPO = new Repository("PRJ/my-repo", "my-repo", "1", null);
    private static final Account JANE = new Account("1", null, "jcitizen", "Jane Citizen", "jane@example.com");

    @Test
    void openedWithEpochDates() {
        PullRequestNotice notice = read("pr:opened", "go-scm/server/pr_open.json");

        assertThat(notice.action()).isEqualTo(Action.OPENED);
        assertThat(notice.repository()).isEqualTo(MY_REPO);
        assertThat(notice.actor()).isEqualTo(JANE);
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:21:30Z"));
        assertThat(notice.previousHead()).isNull();
        assertThat(notice.comment()).isNull();
        assertThat(notice.pullRequest()).isEqualTo(new PullRequestSnapshot(2, "added LICENSE",
                "added BSD license text", "OPEN", JANE,
                new Endpoint("develop", "208b0a5c05eddadad01f2aed8802fe0c3b3eaf5e", MY_REPO),
                new Endpoint("master", "823b2230a56056231c9425d63758fa87078a66b4", MY_REPO), List.of(), null, null,
                OffsetDateTime.parse("2018-07-05T19:21:30.848Z"), OffsetDateTime.parse("2018-07-05T19:21:30.848Z")));
    }

    @Test
    void openedWithIsoDatesReadsTheSame() {
        PullRequestNotice epoch = read("pr:opened", "go-scm/server/pr_open.json");
        PullRequestNotice iso = read("pr:opened", "go-scm/server/pr_open_iso_dates.json");

        assertThat(iso.pullRequest().createdAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:21:30Z"));
        assertThat(iso.pullRequest().updatedAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:21:30Z"));
        assertThat(iso.pullRequest().source()).isEqualTo(epoch.pullRequest().source());
        assertThat(iso.pullRequest().destination()).isEqualTo(epoch.pullRequest().destination());
        assertThat(iso.occurredAt()).isEqualTo(epoch.occurredAt());
    }

    @Test
    void mergedCarriesTheMergeCommit() {
        PullRequestNotice notice = read("pr:merged", "go-scm/server/pr_merged.json");

        assertThat(notice.action()).isEqualTo(Action.MERGED);
        PullRequestSnapshot pr = notice.pullRequest();
        assertThat(pr.id()).isEqualTo(3);
        assertThat(pr.title()).isEqualTo("Develop");
        assertThat(pr.description()).isEqualTo("* added LICENSE\r\n* add COPYING file");
        assertThat(pr.state()).isEqualTo("MERGED");
        assertThat(pr.mergeCommit()).isEqualTo("83f836ca538dc4f43d29fda46a5b85ea49f1b8e7");
        assertThat(pr.source()).isEqualTo(new Endpoint("develop", "b9eaed50a03c073b20dfa82e5e753d295e7f0e56",
                MY_REPO));
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:33:20Z"));
    }

    @Test
    void declined() {
        PullRequestNotice notice = read("pr:declined", "go-scm/server/pr_declined.json");

        assertThat(notice.action()).isEqualTo(Action.DECLINED);
        assertThat(notice.pullRequest().state()).isEqualTo("DECLINED");
        assertThat(notice.pullRequest().mergeCommit()).isNull();
        assertThat(notice.pullRequest().updatedAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:30:48.868Z"));
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2018-07-05T19:30:48Z"));
    }

    @Test
    void fromRefUpdatedIsUpdatedWithThePreviousHead() {
        PullRequestNotice notice = read("pr:from_ref_updated", "go-scm/server/pr_from_ref_updated.json");

        Repository repo = new Repository("PRJ/my-repo", "my-repo", "1",
                "http://example.com:7990/projects/PRJ/repos/my-repo/browse");
        assertThat(notice.action()).isEqualTo(Action.UPDATED);
        assertThat(notice.repository()).isEqualTo(repo);
        assertThat(notice.previousHead()).isEqualTo("caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd");
        assertThat(notice.pullRequest().source()).isEqualTo(new Endpoint("feature-2",
                "c00d0f269a9844dd168f72f6a9d78a9cff49a318", repo));
        assertThat(notice.pullRequest().url()).isEqualTo("http://example.com:7990/projects/PRJ/repos/my-repo/pull-requests/2");
        assertThat(notice.occurredAt()).isEqualTo(OffsetDateTime.parse("2021-11-23T10:02:52Z"));
    }

    @Test
    void pingIsIgnored() {
        assertThat(Fixtures.read(DATACENTER, "diagnostics:ping", "jenkins-bbs/server/ping.json"))
                .isEqualTo(new Ignored(Ignored.Reason.PING, "diagnostics:ping"));
    }

    private static PullRequestNotice read(String eventKey, String fixture) {
        return (PullRequestNotice) Fixtures.read(DATACENTER, eventKey, fixture);
    }
}
