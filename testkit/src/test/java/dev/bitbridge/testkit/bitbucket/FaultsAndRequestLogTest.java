package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fault injection, the request log, and Cloud's rate-limit headers. */
class FaultsAndRequestLogTest {

    @Test
    void failNextAnswersErrorsWithBitbucketBodiesThenServesAgain() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudSetup(bb);
            String url = bb.baseUrl() + "/repositories/acme/api/commits";

            bb.failNext(2, 503);
            Http.Answer first = Http.get(url, auth);
            assertThat(first.status()).isEqualTo(503);
            assertThat(first.json().get("type").asText()).isEqualTo("error");
            assertThat(first.json().at("/error/message").asText()).isNotBlank();
            assertThat(Http.get(url, auth).status()).isEqualTo(503);
            assertThat(Http.get(url, auth).status()).isEqualTo(200);

            bb.failNext(1, 429);
            Http.Answer limited = Http.get(url, auth);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo(BitbucketSimulator.RATE_LIMITED);
            assertThat(limited.header("Retry-After")).isEqualTo("1");

            bb.failNext(1, 500, "/2.0/repositories/*/*/diffstat/**");
            assertThat(Http.get(url, auth).status()).as("another path is served").isEqualTo(200);
            String head = bb.head(new RepoRef("acme", "api"), "main");
            assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api/diffstat/" + head, auth).status())
                    .isEqualTo(500);
            assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api/diffstat/" + head, auth).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void dataCenterFaultsUseItsErrorBody() {
        try (BitbucketSimulator bb = BitbucketSimulator.dataCenter()) {
            Account ada = bb.addAccount("Ada", "ada@example.com");
            bb.createRepository("PRJ", "app");
            bb.credentials().dcUser(ada, "pw");
            bb.failNext(1, 502);
            Http.Answer failed = Http.get(bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app", Http.basic("ada",
                    "pw"));
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.json().at("/errors/0/message").asText()).isNotBlank();
        }
    }

    @Test
    void anOutageAnswersEveryRequestUntilItEnds() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudSetup(bb);
            String url = bb.baseUrl() + "/repositories/acme/api/commits";
            bb.outage(503);
            assertThat(Http.get(url, auth).status()).isEqualTo(503);
            assertThat(Http.get(url, auth).status()).as("still down").isEqualTo(503);
            bb.outage(429);
            Http.Answer limited = Http.get(url, auth);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("1");
            bb.outage(0);
            assertThat(Http.get(url, auth).status()).isEqualTo(200);
            assertThat(bb.requestCount("GET", "/2.0/repositories/acme/api/commits")).isEqualTo(4);
        }
    }

    @Test
    void theRateLimiterAnswers429WithRetryAfterOnTheNewEndpoints() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudSetup(bb);
            String head = bb.head(new RepoRef("acme", "api"), "main");
            bb.rateLimit(2);
            assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api/commit/" + head, auth).status()).isEqualTo(200);
            assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api/diffstat/" + head, auth).status())
                    .isEqualTo(200);
            Http.Answer limited = Http.get(bb.baseUrl() + "/repositories/acme/api/commits", auth);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        }
    }

    @Test
    void theRequestLogCountsByMethodAndPathPatternAcrossThreads() throws Exception {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudSetup(bb);
            String head = bb.head(new RepoRef("acme", "api"), "main");
            bb.clearRequests();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String path = i % 2 == 0 ? "/commit/" + head : "/diffstat/" + head;
                    calls.add(pool.submit(() -> Http.get(bb.baseUrl() + "/repositories/acme/api" + path, auth)
                            .status()));
                }
                for (Future<Integer> call : calls) {
                    assertThat(call.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            Http.get(bb.baseUrl() + "/repositories/acme/api/commits?include=main&exclude=" + head, auth);

            assertThat(bb.requests()).hasSize(21);
            assertThat(bb.requestCount("GET", "/2.0/repositories/acme/api/commit/" + head)).isEqualTo(10);
            assertThat(bb.requestCount("GET", "/2.0/repositories/*/*/diffstat/**")).isEqualTo(10);
            assertThat(bb.requestCount("POST", "/2.0/repositories/*/*/diffstat/**")).isZero();
            RecordedRequest last = bb.requests().get(20);
            assertThat(last.path()).isEqualTo("/2.0/repositories/acme/api/commits");
            assertThat(last.query()).isEqualTo("include=main&exclude=" + head);
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.credentialId()).startsWith("api-token");
            bb.clearRequests();
            assertThat(bb.requests()).isEmpty();
        }
    }

    @Test
    void theRequestLogTimesEachRequestInThisJvmsNanoTimeFaultsIncluded() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String auth = cloudSetup(bb);
            String url = bb.baseUrl() + "/repositories/acme/api/commits";
            bb.clearRequests();

            long before = System.nanoTime();
            bb.failNext(1, 503);
            assertThat(Http.get(url, auth).status()).isEqualTo(503);
            long between = System.nanoTime();
            assertThat(Http.get(url, auth).status()).isEqualTo(200);
            long after = System.nanoTime();

            List<RecordedRequest> requests = bb.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).receivedNanos()).isBetween(before, between);
            assertThat(requests.get(1).receivedNanos()).isBetween(between, after);
        }
    }

    @Test
    void accessTokensGetRateLimitHeadersOnRepositoryEndpointsAndOthersDoNot() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            String apiToken = cloudSetup(bb);
            bb.credentials().repositoryAccessToken(new RepoRef("acme", "api"), "rat", "repository");
            String url = bb.baseUrl() + "/repositories/acme/api/commits";

            Http.Answer viaAccessToken = Http.get(url, Http.bearer("rat"));
            assertThat(viaAccessToken.header("X-RateLimit-Limit")).isEqualTo("1000");
            assertThat(viaAccessToken.header("X-RateLimit-Resource")).isEqualTo("api");
            assertThat(viaAccessToken.header("X-RateLimit-NearLimit")).isEqualTo("false");
            assertThat(viaAccessToken.header("X-RateLimit-Remaining")).as("not documented by Bitbucket").isNull();
            assertThat(Http.get(url, apiToken).header("X-RateLimit-Limit")).isNull();

            bb.rateLimit(10);
            for (int i = 0; i < 8; i++) {
                Http.get(url, Http.bearer("rat"));
            }
            Http.Answer near = Http.get(url, Http.bearer("rat"));
            assertThat(near.header("X-RateLimit-Limit")).isEqualTo("10");
            assertThat(near.header("X-RateLimit-NearLimit")).isEqualTo("true");
        }
    }

    private static String cloudSetup(BitbucketSimulator bb) {
        Account jane = bb.addAccount("Jane", "jane@example.com");
        bb.credentials().apiToken(jane, "tok", "read:repository:bitbucket");
        RepoRef repo = bb.createRepository("acme", "api");
        bb.push(repo, "main", NewCommit.by(jane, "first"));
        return Http.basic("jane@example.com", "tok");
    }
}
