package dev.bitbridge.ingress.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.ingress.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadInspectorTest {

    @Test
    void cloudUsesTheTopLevelFullName() throws Exception {
        String push = "{\"push\":{\"changes\":[{\"new\":{\"repository\":{\"full_name\":\"not/this\"}}}]},"
                + "\"repository\":{\"full_name\":\"team/repo\",\"name\":\"repo\"}}";

        assertThat(repositoryOf(BitbucketFlavor.CLOUD, push)).isEqualTo("team/repo");
    }

    @Test
    void dataCenterUsesProjectKeyAndSlug() throws Exception {
        String push = "{\"repository\":{\"slug\":\"my-repo\",\"name\":\"My Repo\",\"project\":{\"key\":\"PRJ\"}}}";

        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, push)).isEqualTo("PRJ/my-repo");
    }

    @Test
    void dataCenterPullRequestsUseTheTargetRepository() throws Exception {
        String pr = "{\"pullRequest\":{\"fromRef\":{\"repository\":{\"slug\":\"fork\",\"project\":{\"key\":\"~ME\"}}},"
                + "\"toRef\":{\"repository\":{\"slug\":\"upstream\",\"project\":{\"key\":\"PRJ\"}}}}}";

        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, pr)).isEqualTo("PRJ/upstream");
    }

    @Test
    void payloadsWithoutARepositoryHaveNone() throws Exception {
        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, "{\"test\":true}")).isNull();
        assertThat(repositoryOf(BitbucketFlavor.CLOUD, "{\"repository\":{\"full_name\":42}}")).isNull();
        assertThat(repositoryOf(BitbucketFlavor.CLOUD, "{\"repository\":\"x\"}")).isNull();
        assertThat(repositoryOf(BitbucketFlavor.CLOUD, "{\"repository\":{\"full_name\":\"  \"}}")).isNull();
        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, "{\"repository\":{\"slug\":\"only-slug\"}}")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "[]", "\"text\"", "42", "null", "{", "{\"a\":1} trailing", "{}{}", "{\"a\":[1,2}",
            "{'a':1}", "{\"a\":1,}" })
    void anythingButOneWellFormedObjectIsMalformed(String body) {
        assertThatThrownBy(() -> repositoryOf(BitbucketFlavor.CLOUD, body))
                .isInstanceOf(PayloadInspector.MalformedPayloadException.class);
    }

    @Test
    void invalidUtf8IsCaughtEvenInsideValuesNobodyReads() {
        byte[] body = { '{', '"', 'x', '"', ':', '[', '"', (byte) 0xC3, '"', ']', '}' };

        assertThatThrownBy(() -> PayloadInspector.repositoryOf(BitbucketFlavor.CLOUD, body))
                .isInstanceOf(PayloadInspector.MalformedPayloadException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void nestingBeyondTheParsersLimitIsMalformed() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> repositoryOf(BitbucketFlavor.CLOUD, deep))
                .isInstanceOf(PayloadInspector.MalformedPayloadException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "go-scm/cloud/push.json, cloud, brydzewski/foo",
            "jenkins-bbs/cloud/multipleChangesPayload.json, cloud, cloudbeers/temp",
            "jenkins-bbs/cloud/signed_payload.json, cloud, nfalco79/test-repos",
            "woodpecker/cloud/HookPullApproved.json, cloud, 6543/collect-webhooks",
            "go-scm/cloud/pr_created.json, cloud, brydzewski/foo",
            "go-scm/server/push.json, datacenter, PRJ/my-repo",
            "jenkins-bbs/server/pushPayload_v10.json, datacenter, AMUNIZ/test-repos",
            "woodpecker/datacenter/HookPush.json, datacenter, DEV/deployment-automation",
            "go-scm/server/pr_open.json, datacenter, PRJ/my-repo",
            "go-scm/server/pr_from_ref_updated.json, datacenter, PRJ/my-repo" })
    void realCapturedPayloads(String file, String flavor, String expected) throws Exception {
        Path fixture = Fixtures.require(file);

        assertThat(PayloadInspector.repositoryOf(BitbucketFlavor.of(flavor), Files.readAllBytes(fixture)))
                .isEqualTo(expected);
    }

    private static String repositoryOf(BitbucketFlavor flavor, String body) throws Exception {
        return PayloadInspector.repositoryOf(flavor, body.getBytes(StandardCharsets.UTF_8));
    }
}
