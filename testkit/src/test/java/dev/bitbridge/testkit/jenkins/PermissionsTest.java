package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication and authorisation answers of jenkins.md: 401, 403, and 404 for what the caller may not read. */
class PermissionsTest {

    private JenkinsSimulator jenkins;

    @BeforeEach
    void start() {
        jenkins = JenkinsSimulator.start();
        jenkins.createJob("app", "COMMIT").createJob("Games/Client");
        jenkins.addUser("admin", "pw").apiToken("admin", "admin-token");
        jenkins.addUser("reader", "pw", EnumSet.of(Permission.OVERALL_READ, Permission.JOB_READ)).apiToken("reader", "r-token");
        jenkins.addUser("nobody", "pw", EnumSet.of(Permission.OVERALL_READ)).apiToken("nobody", "n-token");
        jenkins.addUser("discoverer", "pw", EnumSet.of(Permission.OVERALL_READ, Permission.JOB_DISCOVER)).apiToken("discoverer",
                "d-token");
        jenkins.addUser("locked", "pw", Set.of()).apiToken("locked", "l-token");
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    @Test
    void wrongCredentialsAre401WithABasicChallenge() {
        JenkinsHttp.Answer wrongPassword = JenkinsHttp.as(jenkins, "admin", "nope").get("/job/app/api/json");
        JenkinsHttp.Answer unknownUser = JenkinsHttp.as(jenkins, "ghost", "pw").get("/api/json");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Jenkins\"");
        assertThat(wrongPassword.body()).contains("Invalid password/token for user: admin");
        assertThat(unknownUser.status()).isEqualTo(401);
    }

    @Test
    void withoutBuildPermissionATriggerIs403() {
        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "reader", "r-token").post(
                "/job/app/buildWithParameters?COMMIT=a");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("X-Required-Permission")).isEqualTo("hudson.model.Item.Build");
        assertThat(answer.header("X-You-Are-Authenticated-As")).isEqualTo("reader");
        assertThat(answer.body()).contains("reader is missing the Job/Build permission");
        assertThat(jenkins.triggerCount("app")).isZero();
    }

    @Test
    void aJobTheCallerCannotReadIs404LikeAMissingOne() {
        JenkinsHttp nobody = JenkinsHttp.as(jenkins, "nobody", "n-token");

        assertThat(nobody.post("/job/app/buildWithParameters?COMMIT=a").status()).isEqualTo(404);
        assertThat(nobody.get("/job/app/api/json").status()).isEqualTo(404);
        assertThat(nobody.get("/job/Games/job/Client/api/json").status()).isEqualTo(404);
        assertThat(JenkinsHttp.as(jenkins, "admin", "admin-token").post("/job/missing/build").status())
                .isEqualTo(404);
    }

    @Test
    void withDiscoverButNotReadItIs403() {
        JenkinsHttp discoverer = JenkinsHttp.as(jenkins, "discoverer", "d-token");

        JenkinsHttp.Answer trigger = discoverer.post("/job/app/buildWithParameters?COMMIT=a");

        assertThat(trigger.status()).isEqualTo(403);
        assertThat(trigger.header("X-Required-Permission")).isEqualTo("hudson.model.Item.Read");
        assertThat(discoverer.get("/job/app/api/json").status()).isEqualTo(403);
    }

    @Test
    void grantsOnAFolderHoldInside() {
        jenkins.grant("nobody", "Games", Permission.JOB_READ, Permission.JOB_BUILD);
        JenkinsHttp nobody = JenkinsHttp.as(jenkins, "nobody", "n-token");

        assertThat(nobody.post("/job/Games/job/Client/build").status()).isEqualTo(201);
        assertThat(nobody.post("/job/app/buildWithParameters").status()).isEqualTo(404);
        assertThat(nobody.get("/api/json").json().get("jobs")).extracting(j -> j.get("name").asText())
                .containsExactly("Games");
    }

    @Test
    void withoutOverallReadEverythingIs403() {
        JenkinsHttp.Answer answer = JenkinsHttp.as(jenkins, "locked", "l-token").get("/job/app/api/json");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("locked is missing the Overall/Read permission");
    }

    @Test
    void anonymousCallersAreAskedToAuthenticateWith403() {
        JenkinsHttp.Answer answer = JenkinsHttp.anonymous(jenkins).get("/job/app/api/json");

        // HudsonAuthenticationEntryPoint: 403 "Authentication required", not 401 (401 is for refused credentials)
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("Authentication required");
        assertThat(answer.header("X-You-Are-Authenticated-As")).isEqualTo("anonymous");
    }

    @Test
    void anonymousReadCanBeAllowedButNotBuilding() {
        jenkins.allowAnonymousRead(true);
        JenkinsHttp anonymous = JenkinsHttp.anonymous(jenkins);

        assertThat(anonymous.get("/job/app/api/json").status()).isEqualTo(200);
        String crumb = anonymous.get("/crumbIssuer/api/json").json().get("crumb").asText();
        assertThat(crumb).isNotEmpty();
        assertThat(anonymous.withCrumb().post("/job/app/buildWithParameters").status()).isEqualTo(403);
    }

    @Test
    void aJobTokenReplacesTheBuildPermission() {
        jenkins.authToken("app", "trigger-me");
        JenkinsHttp reader = JenkinsHttp.as(jenkins, "reader", "r-token");

        JenkinsHttp.Answer withToken = reader.post("/job/app/buildWithParameters?token=trigger-me&COMMIT=a");
        JenkinsHttp.Answer wrongToken = reader.post("/job/app/buildWithParameters?token=nope&COMMIT=b");

        assertThat(withToken.status()).isEqualTo(201);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(JenkinsHttp.as(jenkins, "admin", "admin-token").get("/queue/item/" + withToken.queueId()
                + "/api/json").json().at("/actions/1/causes/0/_class").asText()).isEqualTo(
                        "hudson.model.Cause$RemoteCause");
    }

    @Test
    void cancellingWithoutCancelPermissionIs422() {
        jenkins.delays(Duration.ofMinutes(1), Duration.ZERO);
        jenkins.grant("reader", "app", Permission.JOB_BUILD);
        JenkinsHttp reader = JenkinsHttp.as(jenkins, "reader", "r-token");
        long id = reader.post("/job/app/buildWithParameters?COMMIT=a").queueId();

        JenkinsHttp.Answer answer = reader.post("/queue/cancelItem?id=" + id);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("Item for id (" + id + ") is not cancellable");
    }
}
