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

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"repository\":{\"full_name\":\"a/b\"},\"repository\":{\"full_name\":\"c/d\"}}",
            "{\"repository\":{\"full_name\":\"a/b\",\"full_name\":\"c/d\"}}",
            "{\"repository\":{\"full_name\":\"a/b\"},\"repo\\u0073itory\":{\"full_name\":\"c/d\"}}",
            "{\"repository\":{\"full_name\":\"a/b\",\"full_n\\u0061me\":\"c/d\"}}",
            "{\"repository\":{\"full_name\":\"a/b\"},\"repository\":\"c/d\"}",
            "{\"push\":{\"changes\":[{\"new\":{\"name\":\"main\",\"name\":\"evil\"}}]},"
                    + "\"repository\":{\"full_name\":\"team/repo\"}}",
            "{\"push\":{\"changes\":[{\"new\":{\"target\":{\"hash\":\"1\",\"author\":{\"raw\":\"a\",\"raw\":\"b\"}}}}]}}",
            "{\"a\":1,\"b\":2,\"a\":3}" })
    void aDuplicateFieldAnywhereIsRefused(String body) {
        assertThatThrownBy(() -> repositoryOf(BitbucketFlavor.CLOUD, body))
                .isInstanceOf(PayloadInspector.MalformedPayloadException.class)
                .hasMessageContaining("Duplicate field");
    }

    @Test
    void aDuplicateDataCenterFieldIsRefused() {
        String body = "{\"repository\":{\"slug\":\"a\",\"project\":{\"key\":\"P\",\"key\":\"EVIL\"},\"slug\":\"b\"}}";

        assertThatThrownBy(() -> repositoryOf(BitbucketFlavor.DATACENTER, body))
                .isInstanceOf(PayloadInspector.MalformedPayloadException.class);
    }

    @Test
    void theSameFieldInDifferentObjectsIsNoDuplicate() throws Exception {
        String body = "{\"a\":{\"full_name\":\"x/1\"},\"b\":[{\"full_name\":\"x/2\"},{\"full_name\":\"x/3\"}],"
                + "\"repository\":{\"full_name\":\"team/repo\",\"owner\":{\"full_name\":\"x/4\"}}}";

        assertThat(repositoryOf(BitbucketFlavor.CLOUD, body)).isEqualTo("team/repo");
    }

    /**
     * Shapes that a walker which kept its current field name after a non-string value, an opened or a closed
     * container would read as naming a repository.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"repository\":[{\"full_name\":1},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":1.5},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":null},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":true},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":false},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":{}},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":[]},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":{\"a\":1}},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":[1]},\"evil/repo\"]}",
            "{\"repository\":[{\"full_name\":\"team/repo\"},\"evil/repo\"]}",
            "{\"repository\":[[{\"full_name\":1}],\"evil/repo\"]}",
            "{\"repository\":{\"full_name\":[\"evil/repo\"]}}",
            "{\"repository\":{\"full_name\":[1,\"evil/repo\"]}}",
            "{\"repository\":{\"full_name\":[{},\"evil/repo\"]}}",
            "{\"repository\":{\"full_name\":{\"full_name\":\"evil/repo\"}}}",
            "{\"repository\":{\"owner\":{\"full_name\":\"evil/repo\"}}}",
            "{\"x\":{\"full_name\":\"evil/repo\"}}",
            "{\"full_name\":\"evil/repo\",\"repository\":{\"name\":\"repo\"}}",
            "{\"push\":{\"repository\":{\"full_name\":\"evil/repo\"}}}",
            "{\"repository\":null,\"x\":[\"evil/repo\"]}",
            "{\"repository\":1,\"full_name\":\"evil/repo\"}" })
    void cloudNeverTakesARepositoryFromTheWrongPlace(String body) throws Exception {
        assertThat(repositoryOf(BitbucketFlavor.CLOUD, body)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"x\":{\"full_name\":\"no\"},\"repository\":{\"links\":{\"a\":1},\"full_name\":\"team/repo\"}}",
            "{\"repository\":{\"links\":{\"html\":{\"href\":\"https://x\"}},\"full_name\":\"team/repo\"}}",
            "{\"repository\":{\"links\":[{\"a\":1},\"b\"],\"full_name\":\"team/repo\"}}",
            "{\"repository\":{\"x\":[1,2],\"y\":null,\"z\":true,\"full_name\":\"team/repo\"}}",
            "{\"a\":[[[]]],\"b\":[{\"c\":[{}]}],\"repository\":{\"full_name\":\"team/repo\"}}",
            "{\"push\":{\"changes\":[{\"new\":{\"repository\":{\"full_name\":\"evil/repo\"}}}]},"
                    + "\"repository\":{\"owner\":[{\"full_name\":\"evil/repo\"}],\"full_name\":\"team/repo\"}}",
            "{\"repository\":{\"full\\u005fname\":\"team/repo\"}}" })
    void cloudFindsTheRepositoryAfterAnyNesting(String body) throws Exception {
        assertThat(repositoryOf(BitbucketFlavor.CLOUD, body)).isEqualTo("team/repo");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"repository\":{\"project\":[{\"key\":\"EVIL\"}],\"slug\":\"repo\"}}",
            "{\"repository\":{\"project\":{\"key\":1},\"x\":[\"EVIL\"],\"slug\":\"repo\"}}",
            "{\"repository\":{\"project\":{\"key\":{}},\"slug\":\"repo\"}}",
            "{\"repository\":[{\"project\":{\"key\":\"EVIL\"},\"slug\":\"repo\"}]}",
            "{\"repository\":{\"slug\":[\"repo\"],\"project\":{\"key\":\"PRJ\"}}}",
            "{\"pullRequest\":{\"toRef\":{\"repository\":{\"project\":{\"key\":null},\"slug\":\"repo\"}}}}",
            "{\"pullRequest\":{\"toRef\":[{\"repository\":{\"project\":{\"key\":\"EVIL\"},\"slug\":\"repo\"}}]}}" })
    void dataCenterNeverTakesARepositoryFromTheWrongPlace(String body) throws Exception {
        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, body)).isNull();
    }

    @Test
    void dataCenterFindsTheRepositoryAfterNestedLinks() throws Exception {
        String body = "{\"repository\":{\"project\":{\"links\":{\"self\":[{\"href\":\"x\"}]},\"key\":\"PRJ\"},"
                + "\"links\":{\"clone\":[{\"name\":\"http\"}]},\"slug\":\"repo\"}}";

        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, body)).isEqualTo("PRJ/repo");
    }

    /** Field names may contain dots; a name is not a path, so none of these names a repository where it stands. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"repository.full_name\":\"evil/repo\"}",
            "{\"repository\":{\"full_name\":\"team/repo\"},\"repository.full_name\":\"evil/repo\"}",
            "{\"repository.full_name\":\"evil/repo\",\"repository\":{\"full_name\":\"team/repo\"}}" })
    void aDottedFieldNameIsNotAPath(String body) throws Exception {
        String repository = repositoryOf(BitbucketFlavor.CLOUD, body);

        assertThat(repository).isNotEqualTo("evil/repo");
        if (body.contains("team/repo")) {
            assertThat(repository).isEqualTo("team/repo");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"repository\":{\"project.key\":\"EVIL\",\"slug\":\"repo\"}}",
            "{\"repository.project\":{\"key\":\"EVIL\"},\"repository\":{\"slug\":\"repo\"}}",
            "{\"pullRequest.toRef\":{\"repository\":{\"slug\":\"repo\",\"project\":{\"key\":\"EVIL\"}}}}",
            "{\"pullRequest\":{\"toRef.repository\":{\"slug\":\"repo\",\"project\":{\"key\":\"EVIL\"}}}}" })
    void aDottedFieldNameIsNotAPathForDataCenterEither(String body) throws Exception {
        assertThat(repositoryOf(BitbucketFlavor.DATACENTER, body)).isNull();
    }

    private static String repositoryOf(BitbucketFlavor flavor, String body) throws Exception {
        return PayloadInspector.repositoryOf(flavor, body.getBytes(StandardCharsets.UTF_8));
    }
}
