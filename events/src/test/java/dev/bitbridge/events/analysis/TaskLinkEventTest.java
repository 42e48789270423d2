package dev.bitbridge.events.analysis;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/** A task link's CloudEvents id: the same for a repeat, different for two links. */
class TaskLinkEventTest {

    private static final String H2 = "3c1e6a6b1f2d4e5f60718293a4b5c6d7e8f90a1b";
    private static final Repository CLOUD_REPO = new Repository("acme-games/particle-engine", null, null, null);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-22T10:15:30.123+09:00");
    private static final Origin CLOUD_PUSH = new Origin("9c1f3a2e-5b7d-4e8f-a1b2-c3d4e5f60718", "repo:push", AT);

    @Test
    void aCommitMessagesLinkIsNamedByTheCommit() {
        assertThat(link("GAME-1", H2, null, null, TaskLinkEvent.COMMIT_MESSAGE, CLOUD_PUSH).id())
                .isEqualTo(CLOUD_PUSH.eventId() + "/task/commit-message/" + H2 + "/GAME-1");
    }

    @Test
    void aPullRequestsTitleOrDescriptionLinkIsNamedByThePullRequestEvenWithItsHeadKnown() {
        assertThat(link("GAME-1", H2, 17L, "feature/x", TaskLinkEvent.PULL_REQUEST_TITLE, CLOUD_PUSH).id())
                .isEqualTo(CLOUD_PUSH.eventId() + "/task/pull-request-title/pr-17/GAME-1");
        assertThat(link("GAME-1", null, 17L, "feature/x", TaskLinkEvent.PULL_REQUEST_DESCRIPTION, CLOUD_PUSH).id())
                .isEqualTo(CLOUD_PUSH.eventId() + "/task/pull-request-description/pr-17/GAME-1");
    }

    @Test
    void twoBranchesCreatedAtOneCommitByOnePushAreTwoLinks() {
        TaskLinkEvent first = link("GAME-1", H2, null, "feature/GAME-1-a", TaskLinkEvent.BRANCH_NAME, CLOUD_PUSH);
        TaskLinkEvent second = link("GAME-1", H2, null, "feature/GAME-1-b", TaskLinkEvent.BRANCH_NAME, CLOUD_PUSH);

        assertThat(first.id()).isEqualTo(CLOUD_PUSH.eventId() + "/task/branch-name/feature/GAME-1-a/GAME-1");
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void theSameLinkFromAnotherEventIsAnotherRecordAndFromTheSameEventARepeat() {
        Origin redelivered = new Origin(CLOUD_PUSH.eventId(), CLOUD_PUSH.eventKey(), AT.plusMinutes(5));
        Origin another = new Origin("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "repo:push", AT);

        TaskLinkEvent link = link("GAME-1", H2, null, null, TaskLinkEvent.COMMIT_MESSAGE, CLOUD_PUSH);

        assertThat(link("GAME-1", H2, null, null, TaskLinkEvent.COMMIT_MESSAGE, redelivered).id())
                .isEqualTo(link.id());
        assertThat(link("GAME-1", H2, null, null, TaskLinkEvent.COMMIT_MESSAGE, another).id())
                .isNotEqualTo(link.id());
        assertThat(link("GAME-2", H2, null, null, TaskLinkEvent.COMMIT_MESSAGE, CLOUD_PUSH).id())
                .isNotEqualTo(link.id());
    }

    private static TaskLinkEvent link(String key, String commit, Long pullRequest, String branch, String foundIn,
            Origin origin) {
        return new TaskLinkEvent(key, key.substring(0, key.indexOf('-')), null, "acme-cloud", "cloud", CLOUD_REPO,
                commit, pullRequest, branch, foundIn, 0, 1, null, AT, origin);
    }
}
