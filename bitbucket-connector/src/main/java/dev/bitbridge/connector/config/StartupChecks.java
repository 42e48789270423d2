package dev.bitbridge.connector.config;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.api.AdminTokenCheck;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Runs before anything else at start-up and stops the service, naming every key at fault, when the configuration
 * could only fail later: on the first API call or the first routing record.
 */
@ApplicationScoped
public class StartupChecks {

    /** How a refusal to start begins: "The Bitbucket connector cannot start: ..." ({@link ConfigProblems}). */
    public static final String SUBJECT = "The Bitbucket connector";
    static final String PREFIX = "bitbridge.connector.";

    void check(@Observes @Priority(1) StartupEvent event, ConnectorConfig connector, Config config) {
        ConfigProblems problems = check(connector, config);
        problems.throwIfAny();
    }

    /** @return every problem of the configuration, for the start-up check and its tests */
    static ConfigProblems check(ConnectorConfig connector, Config config) {
        ConfigProblems problems = new ConfigProblems(SUBJECT);
        checkWebhookBaseUrl(connector.webhookBaseUrl(), problems);
        checkSealingKeys(connector, problems);
        checkApiAccess(connector, config, problems);
        checkEnrichment(connector.enrichment(), problems);
        return problems;
    }

    private static void checkWebhookBaseUrl(String value, ConfigProblems problems) {
        String key = PREFIX + "webhook-base-url";
        try {
            URI uri = new URI(value);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(key, "must be an absolute http(s) URL without query or fragment, e.g."
                        + " https://hooks.example.com: the URL at which Bitbucket reaches the webhook ingress");
            }
        } catch (URISyntaxException e) {
            problems.add(key, "is not a URL (" + e.getReason() + "); e.g. https://hooks.example.com");
        }
    }

    private static void checkSealingKeys(ConnectorConfig connector, ConfigProblems problems) {
        if (connector.sealingKeys().isEmpty()) {
            problems.add(PREFIX + "sealing-keys.<id>", "no sealing key is configured; set one to base64 of 32 random"
                    + " bytes (e.g. `openssl rand -base64 32`), the same as the ingress's bitbridge.ingress.sealing-keys.<id>");
            return;
        }
        try {
            new SecretSealer(connector.sealingKeys());
        } catch (IllegalArgumentException e) {
            problems.add(PREFIX + "sealing-keys", e.getMessage());
        }
        if (!connector.sealingKeys().containsKey(connector.sealingKeyId())) {
            problems.add(PREFIX + "sealing-key-id", "names no key of " + PREFIX + "sealing-keys (configured ids: "
                    + connector.sealingKeys().keySet() + ")");
        }
    }

    private static void checkEnrichment(ConnectorConfig.Enrichment enrichment, ConfigProblems problems) {
        if (enrichment.concurrentFileCalls() < 1) {
            problems.add(PREFIX + "enrichment.concurrent-file-calls", "must be at least 1 (is "
                    + enrichment.concurrentFileCalls() + "); 4 is the default");
        }
        if (enrichment.accessCacheTtl().isNegative()) {
            problems.add(PREFIX + "enrichment.access-cache-ttl", "must not be negative (is "
                    + enrichment.accessCacheTtl() + "); PT0S reads the integration for every event");
        }
    }

    private static void checkApiAccess(ConnectorConfig connector, Config config, ConfigProblems problems) {
        boolean oidc = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true)
                && (config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).isPresent()
                        || config.getOptionalValue("quarkus.oidc.public-key", String.class).isPresent());
        AdminTokenCheck.check(PREFIX + "api.admin-token", connector.api().adminToken(), oidc,
                "use the API (or configure an OIDC issuer: quarkus.oidc.tenant-enabled=true and"
                        + " quarkus.oidc.auth-server-url)",
                problems);
    }
}
