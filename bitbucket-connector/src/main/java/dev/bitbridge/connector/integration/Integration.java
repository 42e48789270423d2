package dev.bitbridge.connector.integration;

import java.time.Instant;
import java.util.List;

/**
 * One integration as stored (table {@code integration}, read and written by {@link IntegrationStore}). Credentials,
 * the webhook token and the webhook secret are not here: they are in the {@code CredentialStore}; this row has only
 * the token's hash and the credential's kind.
 *
 * @param labels distinct and sorted
 * @param routeVersion raised by every change the ingress must learn (the routing outbox, ADR 10)
 * @param routePublishedVersion the route version Kafka took
 * @param deletedAt set while the integration is being removed, until its tombstone is on the routing topic
 * @param webhookShownAt when the current webhook token and secret were shown for a manual setup; null until then
 * @param version raised by every change of the row's own settings: a change is written only if no other was written
 *        since the row was read
 */
public record Integration(String name, String flavor, String scope, List<String> labels, String description,
        String workspace, String baseUrl, boolean verifyTls, String caBundle, String credentialKind,
        String webhookTokenHash, boolean enabled, Instant createdAt, Instant updatedAt, long routeVersion,
        long routePublishedVersion, String previousTokenHash, Instant previousValidUntil, Instant deletedAt,
        Instant webhookShownAt, int version) {

    public Integration {
        labels = List.copyOf(labels);
    }

    /** @return whether the latest routing record has not reached Kafka yet */
    public boolean routePending() {
        return routeVersion > routePublishedVersion;
    }

    /** @return whether it is being removed (its row stays until its tombstone is published) */
    public boolean deleted() {
        return deletedAt != null;
    }
}
