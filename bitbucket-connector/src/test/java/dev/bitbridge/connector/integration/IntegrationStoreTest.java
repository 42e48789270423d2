package dev.bitbridge.connector.integration;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.testkit.PostgresTestResource;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The optimistic check of {@link IntegrationStore}: a change written from a row read before another change was
 * written is refused, writes nothing, and the row keeps the other change.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BitbridgeTopics.class)
class IntegrationStoreTest {

    @Inject
    IntegrationStore store;
    @Inject
    Pool pool;

    @Test
    void aChangeOfAStaleReadIsRefusedAndWritesNothing() {
        asAdmin().body("""
                {"name": "store-stale-update", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(201);
        Integration first = read("store-stale-update");
        Integration second = read("store-stale-update");

        pool.withTransaction(c -> store.update(c, described(first, "first"))).await().indefinitely();
        Integration afterFirst = read("store-stale-update");
        assertThat(afterFirst.version()).isEqualTo(first.version() + 1);
        assertThat(afterFirst.description()).isEqualTo("first");

        assertThatThrownBy(() -> pool.withTransaction(c -> store.update(c, described(second, "second")))
                .await().indefinitely()).isInstanceOf(IntegrationStore.ConcurrentChange.class);
        assertThatThrownBy(() -> pool.withTransaction(c -> store.markDeleted(c, second, Instant.now()))
                .await().indefinitely()).isInstanceOf(IntegrationStore.ConcurrentChange.class);
        assertThatThrownBy(() -> pool.withTransaction(c -> store.webhookShown(c, second, Instant.now()))
                .await().indefinitely()).isInstanceOf(IntegrationStore.ConcurrentChange.class);
        assertThatThrownBy(() -> pool.withTransaction(c -> store.rotateWebhook(c, second, "hash", Instant.now(),
                Instant.now())).await().indefinitely()).isInstanceOf(IntegrationStore.ConcurrentChange.class);

        assertThatThrownBy(() -> pool.withTransaction(c -> store.update(c, described(second, "second")))
                .await().indefinitely()).isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.body().detail()).contains("store-stale-update", "Read it again");
                });

        assertThat(read("store-stale-update")).isEqualTo(afterFirst);
        asAdmin().get("/api/v1/integrations/store-stale-update").then().statusCode(200)
                .body("description", equalTo("first"));
    }

    @Test
    void aSecondRowOfOneNameIsAConflictNotAnInternalError() {
        asAdmin().body("""
                {"name": "store-raced-create", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(201);
        Integration existing = read("store-raced-create");

        assertThatThrownBy(() -> pool.withTransaction(c -> store.insert(c, existing)).await().indefinitely())
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.body().detail()).contains("store-raced-create", "choose another name");
                });
        assertThat(read("store-raced-create")).isEqualTo(existing);
    }

    @Test
    void theRoutePublishersWritesDoNotMoveTheVersion() {
        asAdmin().body("""
                {"name": "store-route-version", "flavor": "cloud", "workspace": "acme"}
                """).post("/api/v1/integrations").then().statusCode(201);
        Integration created = read("store-route-version");
        pool.withTransaction(c -> store.update(c, described(created, "route changed", created.routeVersion() + 1)))
                .await().indefinitely();
        Integration pending = read("store-route-version");

        store.routePublished("store-route-version", pending.routeVersion()).await().indefinitely();

        Integration published = read("store-route-version");
        assertThat(published.routePublishedVersion()).isEqualTo(pending.routeVersion());
        assertThat(published.routePending()).isFalse();
        assertThat(published.version()).isEqualTo(pending.version());
        pool.withTransaction(c -> store.update(c, described(pending, "still current", pending.routeVersion())))
                .await().indefinitely();
        assertThat(read("store-route-version").description()).isEqualTo("still current");
    }

    private Integration read(String name) {
        return store.find(name).await().indefinitely().orElseThrow();
    }

    private static Integration described(Integration i, String description) {
        return described(i, description, i.routeVersion());
    }

    private static Integration described(Integration i, String description, long routeVersion) {
        return new Integration(i.name(), i.flavor(), i.scope(), List.of("changed"), description, i.workspace(),
                i.baseUrl(), i.verifyTls(), i.caBundle(), i.credentialKind(), i.webhookTokenHash(), i.enabled(),
                i.createdAt(), Instant.now(), routeVersion, i.routePublishedVersion(), i.previousTokenHash(),
                i.previousValidUntil(), i.deletedAt(), i.webhookShownAt(), i.version());
    }
}
