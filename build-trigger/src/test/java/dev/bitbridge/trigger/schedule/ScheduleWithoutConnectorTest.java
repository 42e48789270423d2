package dev.bitbridge.trigger.schedule;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.trigger.dispatch.TriggerTopicsResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without a connector (bitbridge.trigger.connector.url unset) no branch head can be read: schedules are refused. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
class ScheduleWithoutConnectorTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";

    @Test
    void aScheduleIsRefusedSayingTheConnectorIsNotConfigured() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("integration", "acme",
                "repository", "acme/game", "branch", "main", "cron", "0 2 * * *"))
                .post("/api/v1/schedules")
                .then().statusCode(400)
                .body("error", equalTo("connector_not_configured"))
                .body("detail", containsString("bitbridge.trigger.connector.url"));
        given().auth().oauth2(TOKEN).queryParam("integration", "acme").get("/api/v1/schedules")
                .then().statusCode(200).body("schedules.size()", equalTo(0));
    }
}
