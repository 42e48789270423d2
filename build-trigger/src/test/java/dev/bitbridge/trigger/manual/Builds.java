package dev.bitbridge.trigger.manual;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;

import static io.restassured.RestAssured.given;

/**
 * What the manual-build tests share: a Jenkins job and target per test, the API as its admin, the
 * {@code bitbridge.builds.v1} records of a build, and the rows in the {@code build} table.
 */
final class Builds {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";
    static final String REPOSITORY = "GAME/client";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TopicScanner TOPICS = TopicScanner.ofSharedKafka();

    private Builds() {
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON);
    }

    /** A job taking Bitbridge's parameters and {@code DEPLOY}, and the integration's target building it by default. */
    static void target(JenkinsSimulator jenkins, String jenkinsUrl, String integration, String job) {
        jenkins.addUser("bot", "bot-password").apiToken("bot", "bot-token");
        jenkins.createJob(job, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "REQUESTED_BY", "BUILD_REASON", "DEPLOY");
        putTarget(jenkinsUrl, integration, job);
    }

    /** The integration's Jenkins target, building {@code job} by default. */
    static void putTarget(String jenkinsUrl, String integration, String job) {
        admin().body(Map.of("baseUrl", jenkinsUrl, "username", "bot", "credentialKind", "api-token", "secret",
                "bot-token", "defaultJob", job))
                .put("/api/v1/integrations/" + integration + "/jenkins-target")
                .then().statusCode(200);
    }

    static Response post(Object body) {
        return admin().body(body).post("/api/v1/builds");
    }

    static Response cancel(String id, String who) {
        return admin().body(Map.of("requestedBy", who)).post("/api/v1/builds/" + id + "/cancel");
    }

    static List<BuildEvent> events(String requestId) {
        return TOPICS.readAll(Topics.BUILDS_V1).stream().map(r -> {
            try {
                return JSON.readValue(r.value(), BuildEvent.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.requestId().equals(requestId)).toList();
    }

    static BuildEvent last(String requestId) {
        List<BuildEvent> events = events(requestId);
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** @return how many builds the database holds, counted with SQL */
    static long rows() throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                ResultSet count = db.createStatement().executeQuery("select count(*) from build")) {
            count.next();
            return count.getLong(1);
        }
    }
}
