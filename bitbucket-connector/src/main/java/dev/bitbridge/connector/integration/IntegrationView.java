package dev.bitbridge.connector.integration;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An integration as an admin sees it. Credentials, the webhook token and the webhook secret are never part of it:
 * only whether credentials are set and of which kind.
 */
@Schema(name = "Integration")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationView(
        String name,
        String flavor,
        String scope,
        List<String> labels,
        String description,
        String workspace,
        String baseUrl,
        Boolean verifyTls,
        @Schema(description = "Whether a CA bundle is set (its certificates are public, but long)") Boolean caBundleSet,
        CredentialsState credentials,
        @Schema(description = "Where Bitbucket delivers this integration's webhooks, without the token") String webhookUrl,
        boolean enabled,
        @Schema(enumeration = {
                "published",
                "pending" }, description = "Whether the webhook ingress has been sent the latest state of this integration") String routing,
        Instant createdAt,
        Instant updatedAt){

    /** @param set whether credentials are stored; @param kind their kind, when set */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialsState(boolean set, String kind) {
    }

    static IntegrationView of(Integration e, String webhookBaseUrl) {
        boolean datacenter = "datacenter".equals(e.flavor());
        return new IntegrationView(e.name(), e.flavor(), e.scope(), e.labels(), e.description(), e.workspace(),
                e.baseUrl(), datacenter ? e.verifyTls() : null, datacenter ? e.caBundle() != null : null,
                new CredentialsState(e.credentialKind() != null, e.credentialKind()),
                webhookBaseUrl + "/webhooks/bitbucket/" + e.name(), e.enabled(),
                e.routePending() ? "pending" : "published", e.createdAt(), e.updatedAt());
    }
}
