package dev.bitbridge.testkit.bitbucket;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DataCenterTest {

    BitbucketSimulator bb;
    Receiver receiver;
    Account admin;
    Account reader;
    RepoRef repo;
    String hooks;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.dataCenter();
        receiver = new Receiver();
        admin = bb.addAccount("Ada Admin", "ada@example.com");
        reader = bb.addAccount("Rita Reader", "rita@example.com");
        repo = bb.createRepository("PRJ", "app");
        bb.credentials().dcUser(admin, "pw");
        bb.credentials().grant(admin, DcPermission.REPO_ADMIN, "PRJ", "app");
        bb.credentials().dcUser(reader, "pw");
        bb.credentials().grant(reader, DcPermission.REPO_READ, "PRJ", "app");
        hooks = bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app/webhooks";
    }

    @AfterEach
    void stop() {
        bb.close();
        receiver.close();
    }

    @Test
    void identityAndErrorsLookLikeDataCenter() {
        Http.Answer props = Http.get(bb.baseUrl() + "/rest/api/1.0/application-properties", Http.basic("ada", "pw"));
        assertThat(props.json().get("version").asText()).isNotBlank();
        assertThat(props.header("X-AUSERNAME")).isEqualTo("ada");
        Http.Answer missing = Http.get(bb.baseUrl() + "/rest/api/latest/projects/PRJ/repos/nope",
                Http.basic("ada", "pw"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errors/0/exceptionName").asText()).endsWith("NoSuchRepositoryException");
        assertThat(missing.json().at("/errors/0").has("context")).isTrue();
        Http.Answer bad = Http.get(bb.baseUrl() + "/rest/api/1.0/repos", Http.basic("ada", "wrong"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().at("/errors/0/exceptionName").asText()).endsWith("IncorrectPasswordAuthenticationException");
    }

    @Test
    void projectTokensAreBearerOnly() {
        bb.credentials().dcProjectToken("PRJ", "ptok", DcPermission.PROJECT_READ);

        assertThat(Http.get(bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app", Http.bearer("ptok")).status())
                .isEqualTo(200);
        assertThat(Http.get(bb.baseUrl() + "/rest/api/1.0/projects/PRJ/repos/app", Http.basic("x", "ptok"))
                .status()).isEqualTo(401);
    }

    @Test
    void webhooksNeedRepoAdminAndRefuseUnknownEvents() {
        String body = "{\"name\":\"ci\",\"url\":\"" + receiver.url() + "\",\"events\":[\"repo:refs_changed\"],"
                + "\"active\":true,\"configuration\":{\"secret\":\"s\"}}";
        Http.Answer asReader = Http.send("POST", hooks, Http.basic("rita", "pw"), body, null);
        assertThat(asReader.status()).isEqualTo(401);
        assertThat(asReader.json().at("/errors/0/exceptionName").asText()).endsWith("AuthorisationException");

        Http.Answer unknown = Http.send("POST", hooks, Http.basic("ada", "pw"), body.replace("repo:refs_changed",
                "pr:reviewer:changes_requested"), null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/message").asText()).contains("pr:reviewer:changes_requested");

        Http.Answer created = Http.send("POST", hooks, Http.basic("ada", "pw"), body, null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").isNumber()).isTrue();
        assertThat(created.body()).doesNotContain("\"s\"");
        String one = hooks + "/" + created.json().get("id").asText();
        assertThat(Http.send("PUT", one, Http.basic("ada", "pw"), "{\"active\":false}", null).json().get("active")
                .asBoolean()).isFalse();
        assertThat(Http.send("DELETE", one, Http.basic("ada", "pw"), null, null).status()).isEqualTo(204);
    }

    @Test
    void pushDeliversSignedRefsChangedAndPingIsUnsigned() throws Exception {
        Http.send("POST", hooks, Http.basic("ada", "pw"), "{\"name\":\"ci\",\"url\":\"" + receiver.url()
                + "\",\"events\":[\"repo:refs_changed\",\"pr:from_ref_updated\"],\"configuration\":{\"secret\":\"s\"}}",
                null);
        bb.push(repo, "main", NewCommit.by(admin, "one"));
        bb.push(repo, "feature", NewCommit.by(admin, "two"));
        bb.openPullRequest(repo, "feature", repo, "main", admin, "PR");
        bb.push(repo, "feature", NewCommit.by(admin, "three"));
        bb.ping(repo, bb.hooks(repo).get(0).id());
        assertThat(bb.awaitDeliveries(Duration.ofSeconds(10))).isTrue();

        assertThat(bb.deliveries()).extracting(Delivery::eventKey).containsExactly("repo:refs_changed",
                "repo:refs_changed", "repo:refs_changed", "pr:from_ref_updated", "diagnostics:ping");
        Delivery push = bb.deliveries().get(0);
        assertThat(push.header("X-Request-Id")).isNotBlank();
        assertThat(push.header("X-Attempt-Number")).isNull();
        assertThat(push.header("X-Hub-Signature")).startsWith("sha256=");
        JsonNode change = Http.JSON.readTree(push.body()).at("/changes/0");
        assertThat(change.get("type").asText()).isEqualTo("ADD");
        assertThat(change.get("fromHash").asText()).isEqualTo("0".repeat(40));
        assertThat(Http.JSON.readTree(bb.deliveries().get(3).body()).has("previousFromHash")).isTrue();
        Delivery ping = bb.deliveries().get(4);
        assertThat(ping.bodyText()).isEqualTo("{\"test\":true}");
        assertThat(ping.header("X-Hub-Signature")).isNull();
    }

    @Test
    void pagesUseStartLimitAndNextPageStart() {
        for (int i = 0; i < 3; i++) {
            bb.createRepository("PRJ", "r" + i);
        }
        bb.credentials().grant(admin, DcPermission.PROJECT_READ, "PRJ", null);

        JsonNode first = Http.get(bb.baseUrl() + "/rest/api/1.0/repos?limit=3", Http.basic("ada", "pw")).json();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("isLastPage").asBoolean()).isFalse();
        assertThat(first.get("nextPageStart").asInt()).isEqualTo(3);
        JsonNode last = Http.get(bb.baseUrl() + "/rest/api/1.0/repos?limit=3&start=3", Http.basic("ada", "pw"))
                .json();
        assertThat(last.get("size").asInt()).isEqualTo(1);
        assertThat(last.get("isLastPage").asBoolean()).isTrue();
        assertThat(last.has("nextPageStart")).isFalse();
    }
}
