package dev.bitbridge.connector.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.credentials.SecretFields;

/**
 * The {@code Authorization} header for a stored credential, as bitbucket.md describes each kind: API tokens as Basic
 * with the account email, access tokens as Bearer, legacy app passwords and Data Center passwords as Basic.
 */
public final class BitbucketAuthorization {

    private BitbucketAuthorization() {
    }

    /**
     * @param kind the credential's kind
     * @param fields its stored fields
     * @return the header value
     * @throws IllegalArgumentException for OAuth kinds, whose header is an access token fetched at call time
     */
    public static String of(CredentialKind kind, SecretFields fields) {
        return switch (kind) {
            case CLOUD_API_TOKEN -> basic(fields.require("email"), fields.require("token"));
            case CLOUD_APP_PASSWORD -> basic(fields.require("username"), fields.require("appPassword"));
            case DATACENTER_BASIC -> basic(fields.require("username"), fields.require("password"));
            case CLOUD_ACCESS_TOKEN, DATACENTER_ACCESS_TOKEN -> "Bearer " + fields.require("token");
            case CLOUD_OAUTH_CLIENT_CREDENTIALS, CLOUD_OAUTH_AUTHORIZATION_CODE -> throw new IllegalArgumentException(
                    "OAuth credentials have no fixed header; see OAuthTokens");
        };
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
