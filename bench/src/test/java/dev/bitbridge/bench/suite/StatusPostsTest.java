package dev.bitbridge.bench.suite;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.bitbucket.RecordedRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusPostsTest {

    static final String A = "a".repeat(40);
    static final String B = "b".repeat(40);
    static final String C = "c".repeat(40);

    static RecordedRequest post(String commit, long at) {
        return new RecordedRequest("POST", "/rest/api/latest/projects/GAME/repos/client/commits/" + commit + "/builds",
                null, 204, "bot", at);
    }

    @Test
    void findsTheCommitOfEitherStatusEndpoint() {
        assertEquals(A, StatusPosts.commitOf("/rest/api/1.0/projects/GAME/repos/client/commits/" + A + "/builds"));
        assertEquals(A, StatusPosts.commitOf("/rest/build-status/1.0/commits/" + A));
        assertEquals(A, StatusPosts.commitOf("/rest/build-status/1.0/commits/" + A.toUpperCase()));
        assertNull(StatusPosts.commitOf("/rest/api/1.0/projects/GAME/repos/client/commits/" + A));
        assertNull(StatusPosts.commitOf("/rest/api/1.0/projects/GAME/repos/client/commits/" + A + "/changes"));
    }

    @Test
    void theFirstOfTwoPostsIsInProgressAndASinglePostIsJudgedByWhatBitbucketShows() {
        StatusPosts posts = StatusPosts.of(List.of(post(A, 300), post(A, 100), post(B, 200), post(C, 50),
                new RecordedRequest("GET", "/rest/api/1.0/projects/GAME/repos/client/commits/" + C, null, 200, "bot",
                        10)));

        assertEquals(100L, posts.inProgress(A, "SUCCESSFUL"), "sorted by arrival");
        assertEquals(2, posts.count(A));
        assertEquals(200L, posts.inProgress(B, "INPROGRESS"), "still running: its one post was INPROGRESS");
        assertFalse(posts.skippedInProgress(B, "INPROGRESS"));
        assertNull(posts.inProgress(C, "SUCCESSFUL"), "the result came first: no INPROGRESS was shown");
        assertTrue(posts.skippedInProgress(C, "SUCCESSFUL"));
        assertNull(posts.inProgress("d".repeat(40), null));
        assertFalse(posts.skippedInProgress("d".repeat(40), null));
    }

    @Test
    void refusedPostsDoNotCount() {
        StatusPosts posts = StatusPosts.of(List.of(
                new RecordedRequest("POST", "/rest/build-status/1.0/commits/" + A, null, 401, null, 5), post(A, 9)));

        assertEquals(9L, posts.inProgress(A, "INPROGRESS"));
        assertEquals(1, posts.count(A));
    }

    @Test
    void aPostLongAfterTheFirstIsARepostNotTheResult() {
        long late = StatusPosts.REPOST_AFTER_NANOS;
        StatusPosts posts = StatusPosts.of(List.of(post(A, 0), post(A, late), post(B, 0), post(B, 500),
                post(B, 600), post(C, 7)));

        assertEquals(1, posts.count(A));
        assertEquals(1, posts.reposts());
        assertNull(posts.inProgress(A, "SUCCESSFUL"), "its only post in time was the result");
        assertEquals(1, posts.extraPosts(Set.of(A, B)), "B had three posts in time");
        assertEquals(1, posts.postsOutside(Set.of(A, B)), "C's");
    }
}
