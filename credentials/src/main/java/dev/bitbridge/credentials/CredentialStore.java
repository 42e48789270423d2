package dev.bitbridge.credentials;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where Bitbucket and Jenkins credentials (tokens, passwords, OAuth client secrets, refresh and access tokens) are
 * kept. Values go in and come out only through this interface: no API returns them, no log line or exception message
 * shows them, and no implementation stores them in clear.
 * <p>
 * A credential is a small set of named fields ({@link SecretFields}) under a path such as
 * {@code integrations/acme-cloud/bitbucket}; see {@link CredentialPaths} for what a path may contain. Writing a path
 * replaces all its fields.
 */
public interface CredentialStore {

    /**
     * @param path where to keep the credential
     * @param fields the credential's fields, replacing whatever the path held
     * @return completes once the credential is durably stored
     */
    Uni<Void> put(String path, SecretFields fields);

    /**
     * @param path a credential's path
     * @return its fields, or empty when nothing is stored there
     */
    Uni<Optional<SecretFields>> get(String path);

    /**
     * Removes a credential and every earlier version of it. Deleting a path that holds nothing succeeds.
     *
     * @param path a credential's path
     * @return completes once the credential is gone
     */
    Uni<Void> delete(String path);

    /** @return what keeps the credentials, e.g. {@code postgres} or {@code vault}, for status pages and logs */
    String kind();
}
