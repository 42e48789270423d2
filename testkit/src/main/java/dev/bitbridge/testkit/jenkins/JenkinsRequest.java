package dev.bitbridge.testkit.jenkins;

import java.time.Instant;

import dev.bitbridge.testkit.bitbucket.http.PathGlob;

/**
 * One request the simulator answered, for tests that count calls ("at most N polls per running build per minute").
 *
 * @param method the HTTP method
 * @param path the raw path as sent, e.g. {@code /job/repo/job/feature%252Ffoo/3/api/json}
 * @param query the raw query string, or {@code null}
 * @param status the status answered
 * @param user the authenticated user, {@code anonymous}, or {@code null} when refused before authentication
 * @param at when it was answered, on the simulator's clock
 */
public record JenkinsRequest(String method, String path, String query, int status, String user, Instant at) {

    /** @return whether the method is this one and the raw path matches the glob (see {@link PathGlob}) */
    public boolean matches(String method, String pathGlob) {
        return this.method.equals(method) && PathGlob.matches(pathGlob, path);
    }
}
