package dev.bitbridge.connector.enrichment.payload;

import org.junit.jupiter.api.Test;

import dev.bitbridge.connector.enrichment.payload.PullRequestNotice.Action;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent.Comment;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;
import dev.bitbridge.events.scm.Repository;

import static dev.bitbridge.events.webhook.BitbucketFlavor.CLOUD;
import static dev.bitbridge.events.webhook.BitbucketFlavor.DATACENTER;
import static org.assertj.core.api.Assertions.assertThat;

/** Reviewer states, fork pull requests and comments beyond what the fixtures show. */
class PullRequestEdgesTest {

    @Test
    void cloudReviewersTakeTheirStateFromParticipantsAndForksKeepTheirRepository() {
        PullRequestNotice notice = (PullRequestNotice) Fixtures.readJson(CLOUD, "pullrequest:changes_request_created",
                """
                        {"repository": {"full_name": "ws/app", "uuid": "{app}"},
                         "actor": {"uuid": "{r1}", "display_name": "R One"},
                         "changes_request": {"date": "2026-01-02T03:04:05.123456+00:00"},
                         "pullrequest": {"id": 7, "title": "t", "state": "OPEN",
                           "source": {"branch": {"name": "feature/ü"}, "commit": {"hash": "abcdef123456"},
                                      "repository": {"full_name": "someone/app-fork", "uuid": "{fork}"}},
                           "destination": {"branch": {"name": "main"}, "commit": {"hash": "0123456789ab"}},
                           "reviewers": [{"uuid": "{r1}", "display_name": "R One"},
                                         {"uuid": "{r2}", "account_id": "acc-2", "nickname": "r2"}],
                           "participants": [
                             {"user": {"uuid": "{r1}", "display_name": "R One"}, "role": "REVIEWER",
                              "state": "changes_requested", "approved": false},
                             {"user": {"uuid": "{p1}", "display_name": "P One"}, "role": "PARTICIPANT",
                              "state": null, "approved": true}]}}""");

        Repository app = new Repository("ws/app", null, "{app}", null);
        assertThat(notice.action()).isEqualTo(Action.CHANGES_REQUESTED);
        assertThat(notice.occurredAt()).hasToString("2026-01-02T03:04:05.123456Z");
        assertThat(notice.pullRequest().source()).isEqualTo(new Endpoint("feature/ü", "abcdef123456",
                new Repository("someone/app-fork", null, "{fork}", null)));
        assertThat(notice.pullRequest().destination()).as("no repository given: the event's")
                .isEqualTo(new Endpoint("main", "0123456789ab", app));
        assertThat(notice.repository()).isEqualTo(app);
        assertThat(notice.pullRequest().reviewers()).containsExactly(
                new Reviewer(new Account("{r1}", "{r1}", null, "R One", null), "REVIEWER", "changes_requested"),
                new Reviewer(new Account("acc-2", "{r2}", "r2", null, null), "REVIEWER", "none"),
                new Reviewer(new Account("{p1}", "{p1}", null, "P One", null), "PARTICIPANT", "approved"));
    }

    @Test
    void dataCenterNeedsWorkOnAForkPullRequest() {
        PullRequestNotice notice = (PullRequestNotice) Fixtures.readJson(DATACENTER, "pr:reviewer:needs_work", """
                {"date": "2026-03-01T10:00:00+0100", "actor": {"id": 5, "slug": "rev", "displayName": "Rev"},
                 "participant": {"user": {"id": 5, "slug": "rev"}, "status": "NEEDS_WORK"},
                 "pullRequest": {"id": 12, "title": "Fork PR", "state": "OPEN", "description": "",
                   "createdDate": "2026-03-01T09:00:00+01:00", "updatedDate": 1772355600000,
                   "fromRef": {"id": "refs/heads/fix/ß", "latestCommit": "%s",
                     "repository": {"slug": "app", "id": 9, "project": {"key": "~ALICE"}}},
                   "toRef": {"id": "refs/heads/main", "latestCommit": "%s",
                     "repository": {"slug": "app", "id": 3, "name": "App", "project": {"key": "PRJ"},
                       "links": {"self": [{"href": "https://bb.example/projects/PRJ/repos/app/browse"}]}}},
                   "reviewers": [{"user": {"id": 5, "slug": "rev", "displayName": "Rev"}, "role": "REVIEWER",
                                  "status": "NEEDS_WORK", "approved": false},
                                 {"user": {"id": 6, "slug": "ok"}, "status": "APPROVED"}],
                   "participants": [{"user": {"id": 7, "name": "watcher"}, "role": "PARTICIPANT",
                                     "status": "UNAPPROVED"}],
                   "properties": {}}}""".formatted("a".repeat(40), "b".repeat(40)));

        assertThat(notice.action()).isEqualTo(Action.CHANGES_REQUESTED);
        assertThat(notice.actor()).isEqualTo(new Account("5", null, "rev", "Rev", null));
        assertThat(notice.occurredAt()).hasToString("2026-03-01T10:00+01:00");
        assertThat(notice.repository()).isEqualTo(new Repository("PRJ/app", "App", "3",
                "https://bb.example/projects/PRJ/repos/app/browse"));
        assertThat(notice.pullRequest().source()).isEqualTo(new Endpoint("fix/ß", "a".repeat(40),
                new Repository("~ALICE/app", null, "9", null)));
        assertThat(notice.pullRequest().description()).isNull();
        assertThat(notice.pullRequest().mergeCommit()).isNull();
        assertThat(notice.pullRequest().createdAt()).hasToString("2026-03-01T09:00+01:00");
        assertThat(notice.pullRequest().updatedAt()).hasToString("2026-03-01T09:00Z");
        assertThat(notice.pullRequest().reviewers()).containsExactly(
                new Reviewer(new Account("5", null, "rev", "Rev", null), "REVIEWER", "changes_requested"),
                new Reviewer(new Account("6", null, "ok", null, null), "REVIEWER", "approved"),
                new Reviewer(new Account("7", null, "watcher", null, null), "PARTICIPANT", "none"));
    }

    @Test
    void dataCenterCommentAdded() {
        PullRequestNotice notice = (PullRequestNotice) Fixtures.readJson(DATACENTER, "pr:comment:added", """
                {"date": "2026-03-01T10:00:00Z", "comment": {"id": 4711, "text": "LGTM **really**"},
                 "previousFromHash": "0000000000000000000000000000000000000000",
                 "pullRequest": {"id": 1,
                   "fromRef": {"displayId": "topic", "repository": {"slug": "r", "project": {"key": "P"}}},
                   "toRef": {"id": "refs/heads/main", "repository": {"slug": "r", "project": {"key": "P"}}}}}""");

        assertThat(notice.action()).isEqualTo(Action.COMMENT_CREATED);
        assertThat(notice.comment()).isEqualTo(new Comment(4711, "LGTM **really**"));
        assertThat(notice.previousHead()).isNull();
        assertThat(notice.pullRequest().source().branch()).isEqualTo("topic");
        assertThat(notice.pullRequest().source().commit()).isNull();
        assertThat(notice.pullRequest().title()).isNull();
        assertThat(notice.actor()).isNull();
    }
}
