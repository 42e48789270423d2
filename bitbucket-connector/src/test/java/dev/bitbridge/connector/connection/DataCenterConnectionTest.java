package dev.bitbridge.connector.connection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.webhooks.HookSpec;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Testing a Data Center integration's connection against a simulator that serves HTTPS with a self-signed
 * certificate: untrusted until its CA is given (or verification is switched off), and then each check in turn.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class DataCenterConnectionTest {

    static BitbucketSimulator bitbucket;
    static Account ci;

    @BeforeAll
    static void startBitbucket() {
        bitbucket = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, true);
        ci = bitbucket.addAccount("CI Bot", "ci@example.com");
        bitbucket.createRepository("PROJ", "widgets");
        bitbucket.credentials().dcUser(ci, "ci-password");
        bitbucket.credentials().grant(ci, DcPermission.REPO_ADMIN, "PROJ", "widgets");
        bitbucket.credentials().dcPersonalToken(ci, "BBDC-token", DcPermission.REPO_READ);
    }

    @AfterAll
    static void stopBitbucket() {
        bitbucket.close();
    }

    @Test
    void aSelfSignedServerIsATlsFailureNamingItsCertificateUntilItsCaIsGiven() throws Exception {
        create("dc-tls", Map.of("kind", "datacenter-basic", "username", ci.name(), "password", "ci-password"), null,
                null);
        asAdmin().post("/api/v1/integrations/dc-tls/test").then().statusCode(200)
                .body("ok", equalTo(false))
                .body("problem", equalTo("tls_failure"))
                .body("detail", containsString("caBundle"))
                .body("detail", containsString("verifyTls=false"))
                .body("detail", containsString("CN=bitbucket-simulator.test"))
                .body("detail", containsString("self-signed"));

        asAdmin().body(new ObjectMapper().writeValueAsString(Map.of("caBundle", bitbucket.certificatePem())))
                .patch("/api/v1/integrations/dc-tls").then().statusCode(200).body("caBundleSet", equalTo(true));
        asAdmin().post("/api/v1/integrations/dc-tls/test").then().statusCode(200)
                .body("ok", equalTo(true))
                .body("checks[0].detail", containsString(ci.name()))
                .body("checks[1].name", equalTo("server"))
                .body("checks[3].name", equalTo("webhooks"))
                .body("checks[3].outcome", equalTo("passed"));
    }

    @Test
    void withoutVerificationTheSelfSignedServerIsReached() throws Exception {
        create("dc-noverify", Map.of("kind", "datacenter-basic", "username", ci.name(), "password", "ci-password"),
                false, null);
        asAdmin().post("/api/v1/integrations/dc-noverify/test").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void aWrongPasswordIsBadCredentials() throws Exception {
        create("dc-badpw", Map.of("kind", "datacenter-basic", "username", ci.name(), "password", "wrong"), null,
                bitbucket.certificatePem());
        asAdmin().post("/api/v1/integrations/dc-badpw/test").then().statusCode(200)
                .body("problem", equalTo("bad_credentials"))
                .body("detail", containsString("Data Center"));
    }

    @Test
    void aReadOnlyTokenCannotRegisterHooksAndSaysSo() throws Exception {
        create("dc-readonly", Map.of("kind", "datacenter-access-token", "token", "BBDC-token"), null,
                bitbucket.certificatePem());
        asAdmin().post("/api/v1/integrations/dc-readonly/test").then().log().ifValidationFails().statusCode(200)
                .body("ok", equalTo(true))
                .body("checks[3].outcome", equalTo("warning"))
                .body("checks[3].detail", containsString("repository admin"));
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int closed = dev.bitbridge.testkit.FreePorts.next();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "dc-down", "flavor", "datacenter",
                "baseUrl", "https://127.0.0.1:" + closed, "credentials",
                Map.of("kind", "datacenter-access-token", "token", "t")));
        asAdmin().body(new ObjectMapper().writeValueAsString(body)).post("/api/v1/integrations").then()
                .statusCode(201);
        asAdmin().post("/api/v1/integrations/dc-down/test").then().statusCode(200)
                .body("problem", equalTo("unreachable"))
                .body("detail", containsString("127.0.0.1:" + closed));
    }

    @Test
    void aDataCenterHookIsRegisteredRepairedAndRemoved() throws Exception {
        create("dc-hooks", Map.of("kind", "datacenter-basic", "username", ci.name(), "password", "ci-password"), null,
                bitbucket.certificatePem());
        asAdmin().body("{\"repository\": \"PROJ/widgets\"}").post("/api/v1/integrations/dc-hooks/repositories")
                .then().statusCode(200).body("hookState", equalTo("registered"));
        var repo = new RepoRef("PROJ", "widgets");
        var hook = bitbucket.hooks(repo).stream().filter(h -> h.url().contains("/webhooks/bitbucket/dc-hooks?"))
                .findFirst().orElseThrow();
        assertThat(hook.events()).containsExactlyInAnyOrderElementsOf(
                HookSpec.DATACENTER_EVENTS);
        assertThat(hook.secret()).isNotBlank();

        bitbucket.editHook(repo, hook.id()).active(false).apply();
        asAdmin().body("{\"repository\": \"PROJ/widgets\"}").post("/api/v1/integrations/dc-hooks/repositories")
                .then().statusCode(200).body("hookState", equalTo("repaired"))
                .body("hookDetail", containsString("active"));

        asAdmin().delete("/api/v1/integrations/dc-hooks/repositories/PROJ/widgets").then().statusCode(200)
                .body("hook", equalTo("removed"));
        assertThat(bitbucket.hooks(repo))
                .noneMatch(h -> h.url().contains("/webhooks/bitbucket/dc-hooks?"));
    }

    private static void create(String name, Map<String, String> credentials, Boolean verifyTls, String caBundle)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "flavor", "datacenter", "baseUrl",
                bitbucket.serverUrl(), "credentials", credentials));
        if (verifyTls != null) {
            body.put("verifyTls", verifyTls);
        }
        if (caBundle != null) {
            body.put("caBundle", caBundle);
        }
        asAdmin().body(new ObjectMapper().writeValueAsString(body)).post("/api/v1/integrations").then()
                .statusCode(201);
    }
}
