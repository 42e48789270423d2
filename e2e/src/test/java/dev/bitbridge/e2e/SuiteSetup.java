package dev.bitbridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.suite.LaunchedSuite;

import static org.assertj.core.api.Assertions.assertThat;

/** What end-to-end classes do alike: configure a Data Center integration through the APIs, read records. */
final class SuiteSetup {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SuiteSetup() {
    }

    /**
     * Through the APIs only, as a user would: a Data Center integration, its repository connected (the webhook
     * registered on the simulator), analysis settings with {@code job} as the default job, and the Jenkins target.
     */
    static void configure(LaunchedSuite suite, String integration, BitbucketSimulator bitbucket, String user,
            String password, RepoRef repo, JenkinsSimulator jenkins, String job) throws Exception {
        expect(suite.call("POST", suite.connector("/api/v1/integrations"), """
                {"name": "%s", "flavor": "datacenter", "baseUrl": "%s",
                 "credentials": {"kind": "datacenter-basic", "username": "%s", "password": "%s"}}"""
                .formatted(integration, bitbucket.baseUrl(), user, password)), 201);
        HttpResponse<String> connected = expect(suite.call("POST",
                suite.connector("/api/v1/integrations/" + integration + "/repositories"),
                "{\"repository\": \"" + repo.owner() + "/" + repo.slug() + "\"}"), 200);
        assertThat(connected.body()).contains("\"hookState\":\"registered\"");
        expect(suite.call("PUT", suite.analyzer("/api/v1/integrations/" + integration + "/repositories/"
                + repo.owner() + "/" + repo.slug() + "/analysis-settings"), """
                        {"projectKeys": ["%s"], "linkTemplate": "https://acme.atlassian.net/browse/{key}",
                         "defaultJob": "%s"}""".formatted(repo.owner(), job)), 200);
        expect(suite.call("PUT", suite.trigger("/api/v1/integrations/" + integration + "/jenkins-target"), """
                {"baseUrl": "%s", "username": "bitbridge", "credentialKind": "api-token",
                 "secret": "jenkins-api-token", "defaultJob": "%s"}""".formatted(jenkins.url(), job)), 200);
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": "
                + response.body()).isEqualTo(status);
        return response;
    }

    static <T> T read(byte[] value, Class<T> type) {
        try {
            return JSON.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
