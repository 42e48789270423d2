package dev.bitbridge.testkit.bitbucket;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CloudAuthTest {

    BitbucketSimulator bb;
    Account jane;
    RepoRef repo;

    @BeforeEach
    void start() {
        bb = BitbucketSimulator.cloud();
        jane = bb.addAccount("Jane Doe", "jane@example.com");
        repo = bb.createRepository("acme", "api");
        bb.createRepository("acme", "other");
    }

    @AfterEach
    void stop() {
        bb.close();
    }

    @Test
    void apiTokenWorksWithTheEmailAndItsScopes() {
        String id = bb.credentials().apiToken(jane, "tok", "read:user:bitbucket", "read:repository:bitbucket");

        Http.Answer user = Http.get(bb.baseUrl() + "/user", Http.basic("jane@example.com", "tok"));
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("uuid").asText()).isEqualTo(jane.uuid());
        assertThat(user.json().get("account_id").asText()).isEqualTo(jane.accountId());
        assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api", Http.basic("jane@example.com", "tok")).json()
                .get("full_name").asText()).isEqualTo("acme/api");
        assertThat(bb.requestCount(id)).isEqualTo(2);
    }

    @Test
    void wrongSecretNicknameInsteadOfEmailAndScopelessTokensAre401() {
        bb.credentials().apiToken(jane, "tok", "read:user:bitbucket");
        Account bob = bb.addAccount("Bob", "bob@example.com");
        bb.credentials().apiToken(bob, "bare");

        assertThat(Http.get(bb.baseUrl() + "/user", Http.basic("jane@example.com", "wrong")).status()).isEqualTo(401);
        assertThat(Http.get(bb.baseUrl() + "/user", Http.basic(jane.name(), "tok")).status()).isEqualTo(401);
        Http.Answer bare = Http.get(bb.baseUrl() + "/user", Http.basic("bob@example.com", "bare"));
        assertThat(bare.status()).isEqualTo(401);
        assertThat(bare.json().at("/error/message").asText()).contains("Token is invalid");
    }

    @Test
    void missingScopeIs403NamingRequiredAndGranted() {
        bb.credentials().apiToken(jane, "tok", "read:user:bitbucket");

        Http.Answer answer = Http.get(bb.baseUrl() + "/repositories/acme/api", Http.basic("jane@example.com", "tok"));

        assertThat(answer.status()).isEqualTo(403);
        JsonNode error = answer.json().get("error");
        assertThat(answer.json().get("type").asText()).isEqualTo("error");
        assertThat(error.get("message").asText()).isEqualTo("Your credentials lack one or more required privilege "
                + "scopes.");
        assertThat(error.at("/detail/required/0").asText()).isEqualTo("read:repository:bitbucket");
        assertThat(error.at("/detail/granted/0").asText()).isEqualTo("read:user:bitbucket");
    }

    @Test
    void appPasswordsAreRefusedEvenWhenRight() {
        bb.credentials().appPassword("jane", "app-pass");

        assertThat(Http.get(bb.baseUrl() + "/user", Http.basic("jane", "app-pass")).status()).isEqualTo(401);
    }

    @Test
    void repositoryAccessTokenIsBearerOnlyAndLimitedToItsRepository() {
        bb.credentials().repositoryAccessToken(repo, "rat", "repository");

        assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api", Http.bearer("rat")).status()).isEqualTo(200);
        Http.Answer other = Http.get(bb.baseUrl() + "/repositories/acme/other", Http.bearer("rat"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().at("/error/message").asText()).startsWith("You may not have access");
        assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api", Http.basic("x-token-auth", "rat")).status())
                .isEqualTo(401);
        assertThat(Http.get(bb.baseUrl() + "/repositories/acme", Http.bearer("rat")).json().get("size").asInt())
                .isEqualTo(1);
    }

    @Test
    void clientCredentialsGrantGivesAnExpiringBearerTokenWithoutRefreshToken() {
        bb.credentials().oauthConsumer("key", "secret", "http://localhost/cb", jane, "acme", "repository",
                "account");

        Http.Answer token = Http.send("POST", bb.tokenUrl(), Http.basic("key", "secret"),
                "grant_type=client_credentials", "application/x-www-form-urlencoded");

        assertThat(token.status()).isEqualTo(200);
        JsonNode body = token.json();
        assertThat(body.get("expires_in").asInt()).isEqualTo(7200);
        assertThat(body.get("scope").asText()).isEqualTo("account repository");
        assertThat(body.has("scopes")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        String access = body.get("access_token").asText();
        assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api", Http.bearer(access)).status()).isEqualTo(200);
        assertThat(Http.get(bb.baseUrl() + "/repositories/acme/api?access_token=" + access, null).status())
                .isEqualTo(404);

        bb.advanceClock(Duration.ofHours(2).plusSeconds(1));
        Http.Answer expired = Http.get(bb.baseUrl() + "/repositories/acme/api", Http.bearer(access));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().at("/error/message").asText()).contains("expired");
    }

    @Test
    void wrongConsumerSecretIsRefused() {
        bb.credentials().oauthConsumer("key", "secret", "http://localhost/cb", jane, null, "repository");

        Http.Answer token = Http.send("POST", bb.tokenUrl(), Http.basic("key", "nope"),
                "grant_type=client_credentials", "application/x-www-form-urlencoded");

        assertThat(token.status()).isEqualTo(400);
        assertThat(token.json().get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void authorizationCodeFlowWithRotatingRefreshTokens() {
        bb.credentials().oauthConsumer("key", "secret", "http://localhost/cb", jane, null, "account");

        Http.Answer redirect = Http.get(bb.authorizeUrl() + "?client_id=key&response_type=code&state=xyz", null);
        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.getPath()).isEqualTo("/cb");
        assertThat(location.getQuery()).contains("state=xyz");
        String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        JsonNode first = form("grant_type=authorization_code&code=" + code).json();
        assertThat(first.get("state").asText()).isEqualTo("authorization_code");
        assertThat(Http.get(bb.baseUrl() + "/user", Http.bearer(first.get("access_token").asText())).json()
                .get("uuid").asText()).isEqualTo(jane.uuid());
        assertThat(form("grant_type=authorization_code&code=" + code).status()).as("codes are single-use")
                .isEqualTo(400);

        String oldRefresh = first.get("refresh_token").asText();
        JsonNode second = form("grant_type=refresh_token&refresh_token=" + oldRefresh).json();
        String newRefresh = second.get("refresh_token").asText();
        assertThat(newRefresh).isNotEqualTo(oldRefresh);
        Http.Answer reused = form("grant_type=refresh_token&refresh_token=" + oldRefresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");

        bb.advanceClock(Duration.ofDays(91));
        assertThat(form("grant_type=refresh_token&refresh_token=" + newRefresh).status()).as("unused 3 months")
                .isEqualTo(400);
    }

    @Test
    void passwordGrantIsGone() {
        bb.credentials().oauthConsumer("key", "secret", "http://localhost/cb", jane, null, "account");

        assertThat(form("grant_type=password&username=jane&password=x").json().get("error").asText())
                .isEqualTo("unsupported_grant_type");
    }

    private Http.Answer form(String body) {
        return Http.send("POST", bb.tokenUrl(), Http.basic("key", "secret"), body,
                "application/x-www-form-urlencoded");
    }
}
