package dev.bitbridge.testkit.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code build} and {@code buildWithParameters} as jenkins.md "Triggering" describes them. */
class TriggerTest {

    private JenkinsSimulator jenkins;
    private JenkinsHttp bot;

    @BeforeEach
    void start() {
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bot", "pw").apiToken("bot", "bot-token");
        jenkins.createJob("app", "COMMIT", "BRANCH").createJob("plain");
        // items wait in the queue, so that identical requests can merge
        jenkins.delays(Duration.ofMinutes(1), Duration.ofMinutes(1));
        bot = JenkinsHttp.as(jenkins, "bot", "bot-token");
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @Test
    void aNewItemIs201WithAnAbsoluteLocation() {
        JenkinsHttp.Answer answer = bot.post("/job/app/buildWithParameters?COMMIT=abc&BRANCH=main&delay=0sec");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).matches("http://127\\.0\\.0\\.1:" + jenkins.port()
                + "/queue/item/\\d+/");
        assertThat(jenkins.queuedItems()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(answer.queueId());
            assertThat(item.parameters()).containsExactly(Map.entry("COMMIT", "abc"), Map.entry("BRANCH", "main"));
        });
    }

    @Test
    void theLocationIsBuiltFromTheHostHeader() throws IOException {
        String head = raw("POST /job/app/buildWithParameters?COMMIT=abc HTTP/1.1\r\nHost: jenkins.example.com:8443\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString("bot:bot-token".getBytes(
                        StandardCharsets.UTF_8))
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 201");
        assertThat(head).containsPattern("(?i)location: http://jenkins\\.example\\.com:8443/queue/item/1/");
    }

    @Test
    void jsonUrlsFollowTheConfiguredRootUrlWhileTheLocationFollowsTheRequest() {
        jenkins.rootUrl("https://ci.example.com");

        JenkinsHttp.Answer answer = bot.post("/job/app/buildWithParameters?COMMIT=abc");

        assertThat(answer.header("Location")).isEqualTo(jenkins.url() + "/queue/item/" + answer.queueId() + "/");
        assertThat(bot.get("/job/app/api/json").json().get("url").asText()).isEqualTo(
                "https://ci.example.com/job/app/");
    }

    @Test
    void anIdenticalRequestWhileWaitingIsMergedWith303() {
        JenkinsHttp.Answer first = bot.post("/job/app/buildWithParameters?COMMIT=abc&BRANCH=main");
        JenkinsHttp.Answer second = bot.postForm("/job/app/buildWithParameters", "BRANCH=main&COMMIT=abc");

        assertThat(second.status()).isEqualTo(303);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jenkins.queuedItems()).hasSize(1);
        assertThat(jenkins.triggerCount("app")).isEqualTo(2);
    }

    @Test
    void differentParametersMakeANewItem() {
        long first = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();
        JenkinsHttp.Answer second = bot.post("/job/app/buildWithParameters?COMMIT=def");

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.queueId()).isGreaterThan(first);
        assertThat(jenkins.queuedItems()).hasSize(2);
    }

    @Test
    void aMergedBuildStill201sWithTheExistingItem() {
        JenkinsHttp.Answer first = bot.post("/job/plain/build?delay=0sec");
        JenkinsHttp.Answer second = bot.post("/job/plain/build");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jenkins.queuedItems()).hasSize(1);
    }

    @Test
    void afterTheItemLeftTheSameRequestMakesANewOne() {
        long first = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();
        jenkins.advanceClock(Duration.ofMinutes(2));

        JenkinsHttp.Answer again = bot.post("/job/app/buildWithParameters?COMMIT=abc");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.queueId()).isNotEqualTo(first);
    }

    @Test
    void aDisabledJobIs409() {
        jenkins.disable("app", true).disable("plain", true);

        JenkinsHttp.Answer withParameters = bot.post("/job/app/buildWithParameters?COMMIT=abc");
        JenkinsHttp.Answer build = bot.post("/job/plain/build");

        assertThat(withParameters.status()).isEqualTo(409);
        assertThat(withParameters.body()).contains("app is not buildable");
        assertThat(build.status()).isEqualTo(409);
        assertThat(bot.get("/job/app/api/json").json().get("buildable").asBoolean()).isFalse();
    }

    @Test
    void buildWithParametersOnAJobWithoutParametersIs400() {
        JenkinsHttp.Answer answer = bot.post("/job/plain/buildWithParameters?COMMIT=abc");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("plain is not parameterized");
    }

    @Test
    void parametersTheJobDoesNotDefineAreIgnoredAndMissingOnesTakeTheirDefault() {
        jenkins.parameterDefault("app", "BRANCH", "main");

        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc&SNEAKY=1").queueId();

        assertThat(jenkins.queueItem(id).orElseThrow().parameters()).containsExactly(Map.entry("COMMIT", "abc"), Map
                .entry("BRANCH", "main"));
        jenkins.advanceClock(Duration.ofMinutes(3));
        assertThat(jenkins.builds("app")).singleElement().satisfies(b -> assertThat(b.parameters()).doesNotContainKey(
                "SNEAKY"));
    }

    @Test
    void aVetoedScheduleRedirectsToTheJobWithoutAnItem() {
        jenkins.veto("app", true);

        JenkinsHttp.Answer answer = bot.post("/job/app/buildWithParameters?COMMIT=abc");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo(jenkins.url() + "/job/app/");
        assertThat(jenkins.queuedItems()).isEmpty();
    }

    @Test
    void getIsNotATrigger() {
        assertThat(bot.get("/job/app/buildWithParameters?COMMIT=abc").status()).isEqualTo(405);
        assertThat(bot.get("/job/plain/build").status()).isEqualTo(405);
        assertThat(jenkins.queuedItems()).isEmpty();
    }

    @Test
    void buildOnAParameterisedJobReadsOnlyAJsonForm() {
        JenkinsHttp.Answer nothing = bot.post("/job/app/build");
        JenkinsHttp.Answer query = bot.post("/job/app/build?COMMIT=abc");
        String json = "{\"parameter\":[{\"name\":\"COMMIT\",\"value\":\"abc\"}]}";
        JenkinsHttp.Answer form = bot.postForm("/job/app/build", "json=" + URLEncoder.encode(json,
                StandardCharsets.UTF_8));
        JenkinsHttp.Answer merged = bot.postForm("/job/app/build", "json=" + URLEncoder.encode(json,
                StandardCharsets.UTF_8));

        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("Nothing is submitted");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body()).contains("This page expects a form submission");
        assertThat(form.status()).isEqualTo(201);
        assertThat(merged.status()).isEqualTo(302);
        assertThat(merged.header("Location")).isEqualTo(jenkins.url() + "/job/app/");
        assertThat(jenkins.queuedItems()).singleElement().satisfies(i -> assertThat(i.parameters()).containsExactly(
                Map.entry("COMMIT", "abc")));
    }

    @Test
    void aShorterDelayOnAMergedRequestMovesTheItemForward() {
        jenkins.delays(Duration.ZERO, Duration.ofMinutes(1)).quietPeriod(Duration.ofSeconds(30));
        long id = bot.post("/job/app/buildWithParameters?COMMIT=abc").queueId();
        assertThat(jenkins.queueItem(id).orElseThrow().state()).isEqualTo("WAITING");

        assertThat(bot.post("/job/app/buildWithParameters?COMMIT=abc&delay=0sec").status()).isEqualTo(303);

        assertThat(jenkins.queueItem(id).orElseThrow().state()).isEqualTo("LEFT");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), jenkins.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
