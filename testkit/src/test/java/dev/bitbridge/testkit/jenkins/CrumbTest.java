package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSRF as jenkins.md describes it: password POSTs need the crumb of their own session, API tokens need none. */
class CrumbTest {

    private JenkinsSimulator jenkins;

    @BeforeEach
    void start() {
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("jane", "password").apiToken("jane", "jane-token").addUser("joe", "joe-password");
        jenkins.createJob("app", "COMMIT");
        jenkins.delays(Duration.ofMinutes(1), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @Test
    void theCrumbIssuerAnswersAsJenkinsAndOpensASession() {
        JenkinsHttp.Answer crumb = JenkinsHttp.as(jenkins, "jane", "password").get("/crumbIssuer/api/json");

        assertThat(crumb.status()).isEqualTo(200);
        assertThat(crumb.json().get("_class").asText()).isEqualTo("hudson.security.csrf.DefaultCrumbIssuer");
        assertThat(crumb.json().get("crumbRequestField").asText()).isEqualTo("Jenkins-Crumb");
        assertThat(crumb.json().get("crumb").asText()).matches("[0-9a-f]{64}");
        assertThat(crumb.header("Set-Cookie")).matches("JSESSIONID\\.[0-9a-f]{8}=[^;]+; Path=/; HttpOnly");
        assertThat(crumb.header("X-Jenkins")).isEqualTo("2.516.3");
        assertThat(crumb.header("X-Jenkins-Session")).matches("[0-9a-f]{8}");
    }

    @Test
    void aPasswordPostWithoutCrumbIsRefused() {
        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "jane", "password").post("/job/app/buildWithParameters");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("No valid crumb was included in the request");
        assertThat(jenkins.queuedItems()).isEmpty();
    }

    @Test
    void aCrumbWithAnotherSessionsCookieIsRefused() {
        JenkinsHttp first = JenkinsHttp.as(jenkins, "jane", "password").withCrumb();
        JenkinsHttp second = JenkinsHttp.as(jenkins, "jane", "password").withCrumb();
        String crumbOfFirst = first.get("/crumbIssuer/api/json").json().get("crumb").asText();
        JenkinsHttp mixed = JenkinsHttp.as(jenkins, "jane", "password").with("Cookie", cookieOf(second)).with(
                "Jenkins-Crumb", crumbOfFirst);

        JenkinsHttp.Answer answer = mixed.post("/job/app/buildWithParameters");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("No valid crumb was included in the request");
    }

    @Test
    void aCrumbWithoutItsCookieIsRefused() {
        String crumb = JenkinsHttp.as(jenkins, "jane", "password").get("/crumbIssuer/api/json").json().get("crumb")
                .asText();

        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "jane", "password").with("Jenkins-Crumb", crumb).post(
                "/job/app/buildWithParameters");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Set-Cookie")).as("the refusal opened a session").startsWith("JSESSIONID.");
    }

    @Test
    void aCrumbIsBoundToItsUser() {
        JenkinsHttp jane = JenkinsHttp.as(jenkins, "jane", "password").withCrumb();
        String janeCookie = cookieOf(jane);
        String janeCrumb = jane.get("/crumbIssuer/api/json").json().get("crumb").asText();

        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "joe", "joe-password").with("Cookie", janeCookie).with(
                "Jenkins-Crumb", janeCrumb).post("/job/app/buildWithParameters");

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aCrumbWithItsSessionCookieIsAccepted() {
        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "jane", "password").withCrumb().post(
                "/job/app/buildWithParameters?COMMIT=abc");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(jenkins.queuedItems()).hasSize(1);
    }

    @Test
    void theCrumbMayComeAsAFormField() {
        JenkinsHttp.Answer crumb = JenkinsHttp.as(jenkins, "jane", "password").get("/crumbIssuer/api/json");
        String cookie = crumb.header("Set-Cookie");
        JenkinsHttp client = JenkinsHttp.as(jenkins, "jane", "password").with("Cookie", cookie.substring(0, cookie
                .indexOf(';')));

        JenkinsHttp.Answer answer = client.postForm("/job/app/buildWithParameters", "COMMIT=abc&Jenkins-Crumb="
                + crumb.json().get("crumb").asText());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(jenkins.queuedItems()).extracting(QueueItemView::parameters).containsExactly(Map.of(
                "COMMIT", "abc"));
    }

    @Test
    void anApiTokenNeedsNoCrumb() {
        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "jane", "jane-token").post(
                "/job/app/buildWithParameters?COMMIT=abc");

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void aRestartForgetsSessions() {
        JenkinsHttp jane = JenkinsHttp.as(jenkins, "jane", "password").withCrumb();
        assertThat(jane.post("/job/app/buildWithParameters?COMMIT=a").status()).isEqualTo(201);

        jenkins.restart();

        assertThat(jane.post("/job/app/buildWithParameters?COMMIT=b").status()).isEqualTo(403);
    }

    private static String cookieOf(JenkinsHttp client) {
        // the session the client's crumb came with: ask for a crumb again with its cookie, no new session is opened
        JenkinsHttp.Answer again = client.get("/crumbIssuer/api/json");
        assertThat(again.header("Set-Cookie")).isNull();
        return again.raw().request().headers().firstValue("Cookie").orElseThrow();
    }
}
