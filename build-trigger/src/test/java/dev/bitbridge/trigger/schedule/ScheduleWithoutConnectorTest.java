package dev.bitbridge.trigger.schedule;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.trigger.dispatch.TriggerTopicsResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Without a connector (bitbridge.trigger.connector.url unset) no branch head can be read: schedules are refused. And
 * the schedules API as the OpenAPI document describes it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TriggerTopicsResource.class)
class ScheduleWithoutConnectorTest {

    static final String TOKEN = "test-admin-token-0123456789abcdef0123";

    @TestHTTPResource(value = "/", management = true)
    URL management;

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

    @Test
    void everySchedulesCallIsDescribedInTheOpenApiDocument() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(given().baseUri("http://" + management.getHost()).port(management.getPort()).queryParam("format",
                        "json").get("/q/openapi").then().statusCode(200).extract().asString())
                .path("paths");
        for (String call : List.of("/api/v1/schedules post", "/api/v1/schedules get", "/api/v1/schedules/{id} get",
                "/api/v1/schedules/{id} put", "/api/v1/schedules/{id} delete")) {
            JsonNode operation = paths.path(call.split(" ")[0]).path(call.split(" ")[1]);
            assertThat(operation.path("summary").asText()).as(call).isNotBlank();
            assertThat(operation.path("tags").toString()).as(call).contains("Schedules");
            assertThat(operation.path("security").toString()).as(call).contains("bearer");
        }
        assertThat(paths.path("/api/v1/schedules").path("post").path("responses").has("400")).isTrue();
    }
}
