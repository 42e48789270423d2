package dev.bitbridge.ingress;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.bitbridge.ingress.http.Rejection;
import dev.bitbridge.testkit.KafkaTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served on the management port describes the real contract: a request built from the document
 * alone — its parameters, examples, security scheme and body example — is accepted, and the answers match the
 * documented schemas. Only what the document cannot know is supplied: the integration's name and token.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OpenApiContractTest extends ReadyIngress {

    private static final String PATH = "/webhooks/bitbucket/{integration}";
    private final ObjectMapper json = new ObjectMapper();
    private JsonNode document;
    private JsonNode operation;

    @BeforeEach
    void readDocument() throws Exception {
        document = json.readTree(management().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        operation = document.at("/paths/" + PATH.replace("/", "~1") + "/post");
        assertThat(operation.isMissingNode()).as("POST %s is documented", PATH).isFalse();
    }

    @Test
    void aRequestGeneratedFromTheDocumentIsAccepted() throws Exception {
        Response response = generatedRequest("cloud-plain", "cloud-token-1").post(PATH.replace("{integration}", "cloud-plain"));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertMatchesSchema(json.readTree(response.asString()), schemaOf("202"));
    }

    @Test
    void aRefusalMatchesTheDocumentedErrorSchema() throws Exception {
        Response response = generatedRequest("cloud-plain", "wrong-token").post(PATH.replace("{integration}", "cloud-plain"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertMatchesSchema(json.readTree(response.asString()), schemaOf("401"));
    }

    @Test
    void everyErrorCodeTheEdgeAnswersIsDocumentedUnderItsStatus() {
        for (Rejection rejection : Rejection.values()) {
            JsonNode documented = operation.at("/responses/" + rejection.status());
            assertThat(documented.isMissingNode()).as("status %d documented", rejection.status()).isFalse();
            assertThat(documented.path("description").asText()).as("code of %s", rejection).contains(rejection.code());
        }
    }

    @Test
    void theTokenIsDocumentedAsQueryBearerAndBasicSecuritySchemes() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.path("queryToken").path("in").asText()).isEqualTo("query");
        assertThat(schemes.path("queryToken").path("name").asText()).isEqualTo("token");
        assertThat(schemes.path("bearerToken").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("basicToken").path("scheme").asText()).isEqualTo("basic");
    }

    /** Builds the request from the document: headers with an example or a generatable format, body example, token. */
    private RequestSpecification generatedRequest(String integration, String token) throws Exception {
        RequestSpecification request = given();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("header") || parameter.has("x-bitbridge-flavor")
                    || parameter.has("x-bitbridge-requires")) {
                continue; // headers of the other flavor, or of signed integrations only
            }
            String value = valueOf(parameter);
            if (value != null) {
                request.header(parameter.path("name").asText(), value);
            } else {
                assertThat(parameter.path("required").asBoolean()).as("required header %s has an example or format",
                        parameter.path("name").asText()).isFalse();
            }
        }
        Iterator<Map.Entry<String, JsonNode>> content = operation.at("/requestBody/content").fields();
        Map.Entry<String, JsonNode> body = content.next();
        assertThat(content.hasNext()).as("one documented body type").isFalse();
        request.contentType(body.getKey()).body(json.writeValueAsBytes(body.getValue().path("example")));
        String scheme = document.at("/components/securitySchemes/queryToken/name").asText();
        return request.queryParam(scheme, token);
    }

    private static String valueOf(JsonNode parameter) {
        if ("uuid".equals(parameter.at("/schema/format").asText())) {
            return UUID.randomUUID().toString();
        }
        JsonNode example = parameter.path("example");
        return example.isMissingNode() ? null : example.asText();
    }

    private JsonNode schemaOf(String status) {
        String ref = operation.at("/responses/" + status + "/content/application~1json/schema/$ref").asText();
        assertThat(ref).as("schema of %s", status).startsWith("#/components/schemas/");
        return document.at(ref.substring(1));
    }

    private static void assertMatchesSchema(JsonNode value, JsonNode schema) {
        assertThat(value.isObject()).isTrue();
        for (JsonNode required : schema.path("required")) {
            assertThat(value.has(required.asText())).as("has %s: %s", required.asText(), value).isTrue();
        }
        value.fieldNames().forEachRemaining(field -> {
            JsonNode property = schema.path("properties").path(field);
            assertThat(property.isMissingNode()).as("%s is documented", field).isFalse();
            String type = property.path("type").asText();
            assertThat(type.equals("boolean") ? value.get(field).isBoolean() : value.get(field).isTextual())
                    .as("%s is a %s", field, type).isTrue();
        });
    }
}
