package dev.bitbridge.ingress.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.ingress.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cloudUsesFullName() throws IOException {
        JsonNode push = JSON.readTree("{\"repository\":{\"full_name\":\"team/repo\",\"name\":\"repo\"},\"push\":{}}");

        assertThat(RepositoryNames.of(BitbucketFlavor.CLOUD, push)).isEqualTo("team/repo");
    }

    @Test
    void dataCenterUsesProjectKeyAndSlug() throws IOException {
        JsonNode push = JSON
                .readTree("{\"repository\":{\"slug\":\"my-repo\",\"name\":\"My Repo\",\"project\":{\"key\":\"PRJ\"}}}");

        assertThat(RepositoryNames.of(BitbucketFlavor.DATACENTER, push)).isEqualTo("PRJ/my-repo");
    }

    @Test
    void dataCenterPullRequestsUseTheTargetRepository() throws IOException {
        JsonNode pr = JSON
                .readTree("{\"pullRequest\":{\"fromRef\":{\"repository\":{\"slug\":\"fork\",\"project\":{\"key\":\"~ME\"}}},"
                        + "\"toRef\":{\"repository\":{\"slug\":\"upstream\",\"project\":{\"key\":\"PRJ\"}}}}}");

        assertThat(RepositoryNames.of(BitbucketFlavor.DATACENTER, pr)).isEqualTo("PRJ/upstream");
    }

    @Test
    void payloadsWithoutARepositoryHaveNone() throws IOException {
        assertThat(RepositoryNames.of(BitbucketFlavor.DATACENTER, JSON.readTree("{\"test\":true}"))).isNull();
        assertThat(RepositoryNames.of(BitbucketFlavor.CLOUD, JSON.readTree("{\"repository\":{\"full_name\":42}}"))).isNull();
        assertThat(RepositoryNames.of(BitbucketFlavor.CLOUD, JSON.readTree("{\"repository\":\"x\"}"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "go-scm/cloud/push.json, cloud, brydzewski/foo",
            "jenkins-bbs/cloud/multipleChangesPayload.json, cloud, cloudbeers/temp",
            "jenkins-bbs/cloud/signed_payload.json, cloud, nfalco79/test-repos",
            "woodpecker/cloud/HookPullApproved.json, cloud, 6543/collect-webhooks",
            "go-scm/server/push.json, datacenter, PRJ/my-repo",
            "jenkins-bbs/server/pushPayload_v10.json, datacenter, AMUNIZ/test-repos",
            "woodpecker/datacenter/HookPush.json, datacenter, DEV/deployment-automation",
            "go-scm/server/pr_open.json, datacenter, PRJ/my-repo",
            "go-scm/server/pr_from_ref_updated.json, datacenter, PRJ/my-repo" })
    void realCapturedPayloads(String file, String flavor, String expected) throws IOException {
        Path fixture = Fixtures.require(file);

        assertThat(RepositoryNames.of(BitbucketFlavor.of(flavor), JSON.readTree(Files.readAllBytes(fixture))))
                .isEqualTo(expected);
    }
}
