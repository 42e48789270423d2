package dev.bitbridge.connector.integration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;

/**
 * Where an integration's secrets live in the {@link CredentialStore}: its Bitbucket credentials, and the webhook
 * token and secret that Bitbridge generates for it.
 */
@ApplicationScoped
public class IntegrationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN = "token";
    private static final String SECRET = "secret";
    private static final String PREVIOUS_SECRET = "previousSecret";

    private final CredentialStore store;

    IntegrationSecrets(CredentialStore store) {
        this.store = store;
    }

    /** @return the store path of the integration's Bitbucket credentials */
    public static String bitbucketPath(String integration) {
        return "integrations/" + integration + "/bitbucket";
    }

    /** @return the store path of the integration's webhook token and secret */
    public static String webhookPath(String integration) {
        return "integrations/" + integration + "/webhook";
    }

    /** @return a new webhook token and secret: 256 random bits each, URL-safe */
    public static WebhookSecrets generateWebhookSecrets() {
        return new WebhookSecrets(random(), random(), Optional.empty());
    }

    public Uni<Void> putBitbucket(String integration, SecretFields credentials) {
        return store.put(bitbucketPath(integration), credentials);
    }

    public Uni<Optional<SecretFields>> bitbucket(String integration) {
        return store.get(bitbucketPath(integration));
    }

    public Uni<Void> putWebhook(String integration, WebhookSecrets secrets) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of(TOKEN, secrets.token(), SECRET, secrets.secret()));
        secrets.previousSecret().ifPresent(previous -> fields.put(PREVIOUS_SECRET, previous));
        return store.put(webhookPath(integration), SecretFields.of(fields));
    }

    public Uni<Optional<WebhookSecrets>> webhook(String integration) {
        return store.get(webhookPath(integration))
                .map(found -> found.map(f -> new WebhookSecrets(f.require(TOKEN), f.require(SECRET),
                        f.get(PREVIOUS_SECRET))));
    }

    /** Removes every secret of the integration. */
    public Uni<Void> deleteAll(String integration) {
        return store.delete(bitbucketPath(integration))
                .chain(() -> store.delete(webhookPath(integration)));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The webhook token (in the hook's URL) and the secret Bitbucket signs deliveries with, and after a rotation the
     * previous secret, still accepted during the grace period.
     */
    public record WebhookSecrets(String token, String secret, Optional<String> previousSecret) {

        /** @return new token and secret, keeping this secret as the previous one */
        public WebhookSecrets rotated() {
            WebhookSecrets fresh = generateWebhookSecrets();
            return new WebhookSecrets(fresh.token(), fresh.secret(), Optional.of(secret));
        }

        @Override
        public String toString() {
            return "WebhookSecrets[***]";
        }
    }
}
