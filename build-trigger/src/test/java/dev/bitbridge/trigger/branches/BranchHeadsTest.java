package dev.bitbridge.trigger.branches;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.core.Vertx;

import dev.bitbridge.trigger.config.TriggerConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Branch heads read through the connector's API: found, unknown, connector away or unconfigured. */
class BranchHeadsTest {

    static final String TOKEN = "connector-admin-token-0123456789abcdef";
    static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
    static ConnectorStub connector;
    static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        connector = new ConnectorStub(TOKEN);
        connector.integration("acme", "cloud");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        connector.close();
        vertx.closeAndAwait();
    }

    @Test
    void aBranchWithSlashesAndSpacesIsAskedForAsOneValue() {
        connector.point("acme", "GAME/client", "feature/GAME-12 particles", HEAD);
        BranchHead head = heads(Optional.of(connector.url()), TOKEN)
                .head("acme", "GAME/client", "feature/GAME-12 particles").await().atMost(Duration.ofSeconds(10));
        assertThat(head).isEqualTo(new BranchHead("GAME/client", "feature/GAME-12 particles", HEAD, "cloud"));
        assertThat(connector.asked()).contains("acme:GAME/client:feature/GAME-12 particles");
    }

    @Test
    void anUnknownBranchIsNotFoundAndSaysSo() {
        assertThatThrownBy(() -> heads(Optional.of(connector.url()), TOKEN).head("acme", "GAME/client", "nope")
                .await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(BranchHeadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BranchHeadException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("branch nope of GAME/client", "has no branch 'nope'");
                    assertThat(e.field()).isEqualTo("branch");
                });
        assertThatThrownBy(() -> heads(Optional.of(connector.url()), TOKEN).head("nobody", "GAME/client", "main")
                .await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(BranchHeadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BranchHeadException.Kind.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("integration");
                });
    }

    @Test
    void theIntegrationsFlavorComesWithTheHead() {
        connector.integration("acme-dc", "datacenter");
        connector.point("acme-dc", "GAME/client", "main", HEAD);
        assertThat(heads(Optional.of(connector.url()), TOKEN).head("acme-dc", "GAME/client", "main").await()
                .atMost(Duration.ofSeconds(10)).flavor()).isEqualTo("datacenter");
    }

    @Test
    void bitbucketAwayBehindTheConnectorIsUnavailableWithItsRetryAfter() {
        connector.point("acme", "GAME/client", "main", HEAD);
        connector.failWith(503);
        try {
            assertThatThrownBy(() -> heads(Optional.of(connector.url()), TOKEN).head("acme", "GAME/client", "main")
                    .await().atMost(Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(BranchHeadException.class, e -> {
                        assertThat(e.kind()).isEqualTo(BranchHeadException.Kind.UNAVAILABLE);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                        assertThat(e.getMessage()).contains("503", "Bitbucket is away");
                    });
        } finally {
            connector.failWith(0);
        }
    }

    @Test
    void aWrongTokenOrAnAbsentConnectorIsUnavailableNotNotFound() {
        assertThatThrownBy(() -> heads(Optional.of(connector.url()), "wrong-token-0123456789abcdef0123456789")
                .head("acme", "GAME/client", "main").await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(BranchHeadException.class,
                        e -> assertThat(e.kind()).isEqualTo(BranchHeadException.Kind.UNAVAILABLE));
        assertThatThrownBy(() -> heads(Optional.of("http://localhost:1"), TOKEN).head("acme", "GAME/client", "main")
                .await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(BranchHeadException.class,
                        e -> assertThat(e.kind()).isEqualTo(BranchHeadException.Kind.UNAVAILABLE));
    }

    @Test
    void withoutAConnectorTheAnswerSaysToGiveACommit() {
        BranchHeads heads = heads(Optional.empty(), TOKEN);
        assertThat(heads.configured()).isFalse();
        assertThatThrownBy(() -> heads.head("acme", "GAME/client", "main").await().atMost(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(BranchHeadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BranchHeadException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("bitbridge.trigger.connector.url", "Give a commit");
                });
    }

    private static BranchHeads heads(Optional<String> url, String token) {
        Map<String, String> props = new java.util.HashMap<>();
        url.ifPresent(u -> props.put("bitbridge.trigger.connector.url", u));
        props.put("bitbridge.trigger.connector.api-token", token);
        TriggerConfig config = new io.smallrye.config.SmallRyeConfigBuilder().withMapping(TriggerConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(props, "test", 500)).build()
                .getConfigMapping(TriggerConfig.class);
        return new BranchHeads(vertx, new ObjectMapper(), config);
    }

}
