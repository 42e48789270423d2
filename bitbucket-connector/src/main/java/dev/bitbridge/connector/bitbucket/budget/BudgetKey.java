package dev.bitbridge.connector.bitbucket.budget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.bitbridge.connector.bitbucket.BitbucketTarget;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.credentials.SecretFields;

/**
 * Whose rate limit a call counts against. Bitbucket Cloud counts authenticated calls per user — every API token of
 * one Atlassian account shares one budget — and per access token; an OAuth consumer's calls count against the
 * consumer. Two integrations with the same identity therefore share one budget. The key is a hash: it names no user
 * and no token.
 */
public final class BudgetKey {

    private BudgetKey() {
    }

    /**
     * @param target where the calls go
     * @param fields the credential's fields
     * @return a stable, non-secret key for the identity the calls are counted against
     */
    public static String of(BitbucketTarget target, SecretFields fields) {
        CredentialKind kind = target.kind();
        String identity = switch (kind) {
            case CLOUD_API_TOKEN -> "user:" + fields.require("email").toLowerCase(java.util.Locale.ROOT);
            case CLOUD_APP_PASSWORD -> "user:" + fields.require("username");
            case CLOUD_OAUTH_CLIENT_CREDENTIALS, CLOUD_OAUTH_AUTHORIZATION_CODE -> "consumer:" + fields.require(
                    "clientId");
            case CLOUD_ACCESS_TOKEN, DATACENTER_ACCESS_TOKEN -> "token:" + fields.require("token");
            case DATACENTER_BASIC -> "user:" + fields.require("username");
        };
        String host = target.flavor().id() + "|" + target.apiUrl();
        return sha256(host + "|" + identity).substring(0, 24);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
