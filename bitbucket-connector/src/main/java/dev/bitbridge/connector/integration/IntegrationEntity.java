package dev.bitbridge.connector.integration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;

/**
 * One integration as stored. Credentials, the webhook token and the webhook secret are not here: they are in the
 * {@code CredentialStore}; this row has only the token's hash and the credential's kind.
 */
@Entity
@Table(name = "integration")
public class IntegrationEntity extends PanacheEntityBase {

    @Id
    public String name;
    public String flavor;
    public String scope;
    @Column(columnDefinition = "text[]")
    public String[] labels;
    public String description;
    public String workspace;
    @Column(name = "base_url")
    public String baseUrl;
    @Column(name = "verify_tls")
    public boolean verifyTls;
    @Column(name = "ca_bundle")
    public String caBundle;
    @Column(name = "credential_kind")
    public String credentialKind;
    @Column(name = "webhook_token_hash")
    public String webhookTokenHash;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "route_version")
    public long routeVersion;
    @Column(name = "route_published_version")
    public long routePublishedVersion;
    @Column(name = "previous_token_hash")
    public String previousTokenHash;
    @Column(name = "previous_valid_until")
    public Instant previousValidUntil;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    /** When the current webhook token and secret were shown for a manual setup; null until then. */
    @Column(name = "webhook_shown_at")
    public Instant webhookShownAt;
    @Version
    public int version;

    /**
     * Within a session: the integration named {@code name}, unless it does not exist or is being deleted.
     *
     * @throws ApiException 404, naming it
     */
    public static Uni<IntegrationEntity> findActive(String name) {
        return IntegrationEntity.<IntegrationEntity> findById(name)
                .map(e -> {
                    if (e == null || e.deletedAt != null) {
                        throw ApiException.notFound("No integration is named '" + name + "'");
                    }
                    return e;
                });
    }

    /** @return whether the latest routing record has not reached Kafka yet */
    public boolean routePending() {
        return routeVersion > routePublishedVersion;
    }

    /** Marks a change that the ingress must learn. */
    public void routeChanged(Instant now) {
        routeVersion++;
        updatedAt = now;
    }
}
