package dev.bitbridge.testkit.jenkins;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outages, refused connections, one-off failures, latency, and counting the requests a client made. */
class FaultsAndRequestsTest {

    private JenkinsSimulator jenkins;
    private JenkinsHttp bot;

    @BeforeEach
    void start() {
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bot", "pw").apiToken("bot", "bot-token");
        jenkins.createJob("app", "COMMIT");
        bot = JenkinsHttp.as(jenkins, "bot", "bot-token");
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @Test
    void anOutageAnswers503UntilItEnds() {
        jenkins.outage(true);

        JenkinsHttp.Answer down = bot.post("/job/app/buildWithParameters?COMMIT=a");

        assertThat(down.status()).isEqualTo(503);
        assertThat(bot.get("/queue/item/1/api/json").status()).isEqualTo(503);
        assertThat(jenkins.queuedItems()).isEmpty();
        jenkins.outage(false);
        assertThat(bot.post("/job/app/buildWithParameters?COMMIT=a").status()).isEqualTo(201);
    }

    @Test
    void refusedConnectionsThenTheSamePortAgain() throws Exception {
        jenkins.refuseConnections(true);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(jenkins.url() + "/api/json")).build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding())).isInstanceOf(
                ConnectException.class);

        jenkins.refuseConnections(false);
        assertThat(bot.get("/api/json").status()).isEqualTo(200);
    }

    @Test
    void failNextAimsAtMatchingPathsOnly() {
        jenkins.failNext(1, 502, "/job/app/**");

        assertThat(bot.get("/api/json").status()).isEqualTo(200);
        assertThat(bot.get("/job/app/api/json").status()).isEqualTo(502);
        assertThat(bot.get("/job/app/api/json").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysEachAnswer() {
        jenkins.latency(Duration.ofMillis(300));
        long start = System.nanoTime();

        bot.get("/api/json");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void requestsAreCountedByMethodAndPathPattern() throws IOException {
        jenkins.delays(Duration.ZERO, Duration.ofMinutes(10));
        bot.post("/job/app/buildWithParameters?COMMIT=a");
        Instant from = jenkins.now();
        for (int i = 0; i < 3; i++) {
            bot.get("/job/app/1/api/json?tree=building,result");
            jenkins.advanceClock(Duration.ofSeconds(20));
        }
        bot.get("/job/app/1/api/json");

        assertThat(jenkins.requestCount("GET", "/job/app/*/api/json")).isEqualTo(4);
        assertThat(jenkins.requestCount("GET", "/job/app/*/api/json", from, from.plus(Duration.ofMinutes(1))))
                .isEqualTo(3);
        assertThat(jenkins.requestCount("POST", "/job/**")).isEqualTo(1);
        JenkinsRequest poll = jenkins.requests().get(1);
        assertThat(poll.query()).isEqualTo("tree=building,result");
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.user()).isEqualTo("bot");
        jenkins.clearRequests();
        assertThat(jenkins.requests()).isEmpty();
    }

    @Test
    void refusedCredentialsAreLoggedWithoutUser() {
        JenkinsHttp.as(jenkins, "bot", "wrong").get("/api/json");

        assertThat(jenkins.requests()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.user()).isNull();
        });
    }

    @Test
    void triggersAreReportedWithTheirParametersAndWhenTheyArrived() {
        List<TriggerArrival> arrivals = new CopyOnWriteArrayList<>();
        jenkins.onTrigger(arrivals::add);
        jenkins.latency(Duration.ofMillis(200));
        long before = System.nanoTime();

        bot.postForm("/job/app/buildWithParameters?delay=0sec", "COMMIT=abc&UNKNOWN=x");
        long after = System.nanoTime();
        bot.get("/job/app/api/json");
        bot.post("/job/missing/buildWithParameters?COMMIT=def");

        assertThat(arrivals).hasSize(2);
        TriggerArrival queued = arrivals.get(0);
        assertThat(queued.path()).isEqualTo("/job/app/buildWithParameters");
        assertThat(queued.parameters()).containsEntry("COMMIT", "abc").containsEntry("UNKNOWN", "x")
                .containsEntry("delay", "0sec");
        assertThat(queued.status()).isEqualTo(201);
        assertThat(queued.accepted()).isTrue();
        assertThat(queued.arrivedNanos()).isBetween(before, after - Duration.ofMillis(200).toNanos());
        assertThat(arrivals.get(1).accepted()).isFalse();
        assertThat(arrivals.get(1).status()).isEqualTo(404);

        jenkins.onTrigger(null);
        bot.post("/job/app/buildWithParameters?COMMIT=ghi");
        assertThat(arrivals).hasSize(2);
    }
}
