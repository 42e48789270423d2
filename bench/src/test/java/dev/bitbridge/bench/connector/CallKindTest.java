package dev.bitbridge.bench.connector;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.bitbucket.RecordedRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallKindTest {

    private static final String REPO = "/2.0/repositories/bench-ws/calls";

    @Test
    void namesEveryCallEnrichmentMakes() {
        assertEquals(CallKind.COMMITS, CallKind.of("GET", REPO + "/commits", "pagelen=100&include=abc&exclude=def"));
        assertEquals(CallKind.FILES, CallKind.of("GET", REPO + "/diffstat/0123456789abcdef", "pagelen=500"));
        assertEquals(CallKind.BRANCHES, CallKind.of("GET", REPO + "/refs/branches", "pagelen=100"));
        assertEquals(CallKind.COMMIT, CallKind.of("GET", REPO + "/commit/0123456789abcdef", null));
        assertEquals(CallKind.PR_COMMITS, CallKind.of("GET", REPO + "/pullrequests/7/commits", "pagelen=50"));
        assertEquals(CallKind.PR_FILES, CallKind.of("GET", REPO + "/pullrequests/7/diffstat", "pagelen=500"));
        assertEquals(CallKind.PULL_REQUEST, CallKind.of("GET", REPO + "/pullrequests/7", null));
    }

    @Test
    void tellsAPullRequestsRedirectedDiffstatFromACommitsFiles() {
        assertEquals(CallKind.PR_FILES_REDIRECTED, CallKind.of("GET",
                REPO + "/diffstat/bench-ws/calls:0123456789ab\r89abcdef0123", "from_pullrequest_id=1&topic=true"));
        assertEquals(CallKind.PR_FILES_REDIRECTED, CallKind.of("GET", REPO + "/diffstat/bench-ws/calls:01\r23",
                null));
    }

    @Test
    void everythingElseIsOther() {
        assertEquals(CallKind.OTHER, CallKind.of("POST", REPO + "/hooks", null));
        assertEquals(CallKind.OTHER, CallKind.of("GET", REPO + "/hooks", null));
        assertEquals(CallKind.OTHER, CallKind.of("GET", "/2.0/user", null));
        assertEquals(CallKind.OTHER, CallKind.of("POST", REPO + "/commit/abc/statuses/build", null));
        assertEquals(CallKind.OTHER, CallKind.of("GET", REPO, null));
    }

    @Test
    void aTallyCountsTheSimulatorsLogByKind() {
        CallTally tally = CallTally.of(List.of(
                new RecordedRequest("GET", REPO + "/diffstat/aa", "pagelen=500", 200, "c", 0L),
                new RecordedRequest("GET", REPO + "/diffstat/bb", "pagelen=500", 200, "c", 0L),
                new RecordedRequest("GET", REPO + "/commits", "include=bb", 200, "c", 0L),
                new RecordedRequest("GET", "/2.0/user", null, 200, "c", 0L)));

        assertEquals(2, tally.get(CallKind.FILES));
        assertEquals(1, tally.get(CallKind.COMMITS));
        assertEquals(0, tally.get(CallKind.BRANCHES));
        assertEquals(4, tally.total());
        assertEquals(3, tally.enrichment());
    }
}
