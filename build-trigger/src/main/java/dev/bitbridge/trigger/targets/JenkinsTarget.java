package dev.bitbridge.trigger.targets;

import java.time.Instant;

/**
 * Where an integration's or a repository's builds go: a row of {@code jenkins_target}, read and written by
 * {@link JenkinsTargetStore}. The credential is not here: it is in the {@code CredentialStore} under
 * {@link #credentialPath()}.
 *
 * @param id {@code <integration>} or {@code <integration>:<repository>}
 * @param repository null: every repository of the integration without a target of its own
 * @param jobMapping JSON: job as requested → job path in this Jenkins
 * @param parameters JSON: extra parameters, name → value
 */
public record JenkinsTarget(String id, String integration, String repository, String baseUrl, String username,
        String credentialKind, String defaultJob, String jobMapping, String multibranch, String parameters,
        Instant createdAt, Instant updatedAt) {

    /** @return where its credential is kept: {@code jenkins-targets/<integration>[/<owner>/<slug>]}, lower-cased */
    public String credentialPath() {
        return credentialPath(integration, repository);
    }

    public static String credentialPath(String integration, String repository) {
        String path = "jenkins-targets/" + integration + (repository == null ? "" : "/" + repository);
        return path.toLowerCase(java.util.Locale.ROOT);
    }
}
