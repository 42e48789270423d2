package dev.bitbridge.connector.bitbucket;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.api.ApiException;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.integration.IntegrationEntity;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/** What it takes to call Bitbucket for an integration: where, with which TLS settings, and as whom. */
@ApplicationScoped
public class IntegrationAccess {

    private final IntegrationSecrets secrets;
    private final ConnectorConfig config;

    IntegrationAccess(IntegrationSecrets secrets, ConnectorConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    /** @throws ApiException 404 when there is no such integration */
    public Uni<Void> exists(String name) {
        return Panache.withSession(() -> IntegrationEntity.<IntegrationEntity> findById(name))
                .invoke(entity -> {
                    if (entity == null || entity.deletedAt != null) {
                        throw ApiException.notFound("No integration is named '" + name + "'");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * @param name an integration's name
     * @return its target and authorization
     * @throws ApiException 404 when there is no such integration, 409 when it has no credentials
     */
    public Uni<Access> of(String name) {
        return Panache.withSession(() -> IntegrationEntity.<IntegrationEntity> findById(name))
                .map(entity -> {
                    if (entity == null || entity.deletedAt != null) {
                        throw ApiException.notFound("No integration is named '" + name + "'");
                    }
                    if (entity.credentialKind == null) {
                        throw ApiException.conflict("Integration '" + name + "' has no credentials; set them with"
                                + " PATCH /api/v1/integrations/" + name);
                    }
                    return entity;
                })
                .chain(entity -> secrets.bitbucket(name).map(found -> {
                    CredentialKind kind = CredentialKind.of(entity.credentialKind).orElseThrow();
                    BitbucketTarget target = target(entity, kind);
                    return new Access(entity, target, found.map(f -> BitbucketAuthorization.of(kind, f))
                            .orElseThrow(() -> ApiException.conflict("The credentials of integration '" + name
                                    + "' are missing from the credential store; set them again")));
                }));
    }

    private BitbucketTarget target(IntegrationEntity entity, CredentialKind kind) {
        BitbucketFlavor flavor = BitbucketFlavor.of(entity.flavor);
        return flavor == BitbucketFlavor.CLOUD
                ? new BitbucketTarget(entity.name, flavor, config.bitbucket().cloudApiUrl().replaceAll("/+$", ""),
                        true, null, kind)
                : new BitbucketTarget(entity.name, flavor, entity.baseUrl, entity.verifyTls, entity.caBundle, kind);
    }

    /**
     * @param integration the integration as stored
     * @param target where to call
     * @param authorization the {@code Authorization} header value; never log it
     */
    public record Access(IntegrationEntity integration, BitbucketTarget target, String authorization) {
        @Override
        public String toString() {
            return "Access[" + target + "]";
        }
    }
}
