package dev.bitbridge.connector.bitbucket;

import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * One Bitbucket as an integration reaches it.
 *
 * @param integration the integration's name, for messages and the client cache
 * @param flavor Cloud or Data Center
 * @param apiUrl the REST API base: Cloud's {@code …/2.0}, or Data Center's server base URL
 * @param verifyTls whether the server's certificate is verified
 * @param caBundle PEM certificates to trust besides the JVM's, or null
 * @param kind the credential's kind, or null when none is set
 */
public record BitbucketTarget(String integration, BitbucketFlavor flavor, String apiUrl, boolean verifyTls,
        String caBundle, CredentialKind kind) {

    /** @return a key that changes whenever the client for this target must be built anew */
    public String clientKey() {
        return integration + "|" + apiUrl + "|" + verifyTls + "|" + (caBundle == null ? 0 : caBundle.hashCode());
    }
}
