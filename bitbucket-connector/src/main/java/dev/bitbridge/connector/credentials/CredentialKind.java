package dev.bitbridge.connector.credentials;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * The ways Bitbridge can authenticate to Bitbucket (as of November 2026), with the fields each needs. Cloud app
 * passwords were removed on 2026-07-28; the kind is still accepted so that an existing configuration gets a clear
 * "switch to an API token" instead of an unknown-kind error.
 */
public enum CredentialKind {

    /** Atlassian account email and API token with scopes, sent as Basic auth. */
    CLOUD_API_TOKEN("cloud-api-token", BitbucketFlavor.CLOUD, "email", "token"),
    /** Repository, project or workspace access token, sent as Bearer. */
    CLOUD_ACCESS_TOKEN("cloud-access-token", BitbucketFlavor.CLOUD, "token"),
    /** OAuth 2.0 consumer using the client-credentials grant. */
    CLOUD_OAUTH_CLIENT_CREDENTIALS("cloud-oauth-client-credentials", BitbucketFlavor.CLOUD, "clientId", "clientSecret"),
    /** OAuth 2.0 consumer authorized by a person through "Connect Bitbucket" (authorization-code grant). */
    CLOUD_OAUTH_AUTHORIZATION_CODE("cloud-oauth-authorization-code", BitbucketFlavor.CLOUD, "clientId", "clientSecret"),
    /** Username and app password: removed by Atlassian on 2026-07-28, kept so the error can say what to do. */
    CLOUD_APP_PASSWORD("cloud-app-password", BitbucketFlavor.CLOUD, "username", "appPassword"),
    /** HTTP access token (personal, project or repository), sent as Bearer. */
    DATACENTER_ACCESS_TOKEN("datacenter-access-token", BitbucketFlavor.DATACENTER, "token"),
    /** Username and password, sent as Basic auth. */
    DATACENTER_BASIC("datacenter-basic", BitbucketFlavor.DATACENTER, "username", "password");

    private final String id;
    private final BitbucketFlavor flavor;
    private final List<String> fields;

    CredentialKind(String id, BitbucketFlavor flavor, String... fields) {
        this.id = id;
        this.flavor = flavor;
        this.fields = List.of(fields);
    }

    /** @return the name used in the API, e.g. {@code cloud-api-token} */
    public String id() {
        return id;
    }

    /** @return the Bitbucket flavor this kind of credential works with */
    public BitbucketFlavor flavor() {
        return flavor;
    }

    /** @return the fields a credential of this kind must have */
    public List<String> fields() {
        return fields;
    }

    /** @return the kind named {@code id} */
    public static Optional<CredentialKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** @return the kinds that work with {@code flavor}, as a readable list */
    public static String namesFor(BitbucketFlavor flavor) {
        return Arrays.stream(values()).filter(k -> k.flavor == flavor).map(CredentialKind::id)
                .collect(Collectors.joining(", "));
    }
}
