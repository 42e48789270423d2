package dev.bitbridge.analyzer.api;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.bitbridge.analyzer.analysis.InputTopicsResource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The settings API: who may use it, what it refuses and why, and what it stores. */
@QuarkusTest
@QuarkusTestResource(InputTopicsResource.class)
public class SettingsApiTest {

    public static final String TOKEN = "test-admin-token-0123456789abcdef0123";

    @Test
    void withoutTheTokenNothingIsReadOrChanged() {
        given().contentType(ContentType.JSON).body("{\"defaultJob\":\"App\"}")
                .put("/api/v1/integrations/acme/analysis-settings")
                .then().statusCode(401);
        given().header("Authorization", "Bearer wrong-token-0123456789abcdef0123456789")
                .get("/api/v1/integrations/acme/analysis-settings")
                .then().statusCode(401);
    }

    @Test
    void invalidRulesAreRefusedNamingEveryFieldAndNothingIsStored() {
        String slug = slug();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("""
                {"projectKeys": ["GAME", "utf"], "linkTemplate": "example.com/browse",
                 "defaultJob": "job/App",
                 "rules": [
                   {"id": "Main Builds", "events": ["push", "merge"], "branches": ["refs/heads/main"],
                    "jobs": ["Games//Client"], "trigger": "sometimes"},
                   {"id": "ok", "events": ["push"], "branches": [], "targetBranches": ["main"],
                    "separatePullRequestBuilds": true, "trigger": "always"}]}
                """)
                .put("/api/v1/integrations/acme/repositories/acme/" + slug + "/analysis-settings")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("fields.field", hasItems("projectKeys[1]", "linkTemplate", "defaultJob", "rules[0].id",
                        "rules[0].events[1]", "rules[0].branches[0]", "rules[0].jobs[0]", "rules[0].trigger",
                        "rules[1].branches", "rules[1].targetBranches", "rules[1].separatePullRequestBuilds"));
        given().auth().oauth2(TOKEN).get("/api/v1/integrations/acme/repositories/acme/" + slug + "/analysis-settings")
                .then().statusCode(404);
    }

    @Test
    void aMisspeltFieldIsNamed() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"defaultJobs\": \"App\"}")
                .put("/api/v1/integrations/acme/analysis-settings")
                .then().statusCode(400).body("detail", containsString("defaultJobs"));
    }

    @Test
    void rulesBelongToRepositories() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("""
                {"rules": [{"id": "main", "events": ["push"], "branches": ["main"], "trigger": "always"}]}
                """)
                .put("/api/v1/integrations/acme/analysis-settings")
                .then().statusCode(400).body("fields[0].field", equalTo("rules"));
    }

    @Test
    void storedSettingsAreReadBackAndDeleted() {
        String path = "/api/v1/integrations/acme/repositories/acme/" + slug() + "/analysis-settings";
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("""
                {"projectKeys": ["GAME"], "defaultJob": "Games/Client",
                 "rules": [{"id": "main", "events": ["push", "pr-opened"], "branches": ["main", "release/*"],
                            "jobs": ["App"], "trigger": "always", "separatePullRequestBuilds": true}]}
                """)
                .put(path)
                .then().statusCode(200).body("defaultJob", equalTo("Games/Client"))
                .body("updatedBy", equalTo("admin-token"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TOKEN).get(path)
                .then().statusCode(200).body("rules[0].branches", hasItems("main", "release/*")));
        given().auth().oauth2(TOKEN).delete(path).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TOKEN).get(path)
                .then().statusCode(404));
    }

    static String slug() {
        return "game-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
