package dev.bitbridge.trigger.api;

import java.util.Map;

/**
 * What {@code PUT …/jenkins-target} takes.
 *
 * @param baseUrl the Jenkins base URL, http or https
 * @param username the Jenkins user
 * @param credentialKind {@code api-token} (recommended: needs no CSRF crumb) or {@code password}
 * @param secret the API token or password; write-only, never returned; may be left out when changing a target
 * @param defaultJob the job {@code #jenkins} and requests without a job build
 * @param jobMapping job names as requested → job paths in this Jenkins
 * @param multibranch a multibranch project: requests without a job build the job of their branch ({@code PR-<id>}
 *        for a pull request) in it
 * @param parameters extra build parameters, name → value
 */
public record TargetRequest(String baseUrl, String username, String credentialKind, String secret, String defaultJob,
        Map<String, String> jobMapping, String multibranch, Map<String, String> parameters) {

    @Override
    public String toString() {
        return "TargetRequest[" + baseUrl + ", " + username + ", " + credentialKind + "]"; // never the secret
    }
}
