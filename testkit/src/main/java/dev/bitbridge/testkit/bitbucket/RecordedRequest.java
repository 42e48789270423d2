package dev.bitbridge.testkit.bitbucket;

import dev.bitbridge.testkit.bitbucket.http.PathGlob;

/**
 * One request a simulator answered, for tests that count calls ("no second fetch of commit X").
 *
 * @param method the HTTP method
 * @param path the decoded path, e.g. {@code /2.0/repositories/acme/api/commit/1f2e...}
 * @param query the raw query string, or {@code null}
 * @param status the status answered
 * @param credentialId the credential used (see {@link CredentialSetup}), {@code anonymous}, or {@code null} when it
 *        was refused
 * @param receivedNanos {@link System#nanoTime()} when the simulator began to handle it, before authentication and
 *        any fault: the request had been read whole by then (for a harness in the simulator's JVM that times requests)
 */
public record RecordedRequest(String method, String path, String query, int status, String credentialId,
        long receivedNanos) {

    /** @return whether the method is this one and the path matches the glob (see {@link PathGlob}) */
    public boolean matches(String method, String pathGlob) {
        return this.method.equals(method) && PathGlob.matches(pathGlob, path);
    }
}
