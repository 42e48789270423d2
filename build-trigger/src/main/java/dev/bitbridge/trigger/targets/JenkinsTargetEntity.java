package dev.bitbridge.trigger.targets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Where an integration's or a repository's builds go. The credential is not here: it is in the
 * {@code CredentialStore} under {@link #credentialPath()}.
 */
@Entity
@Table(name = "jenkins_target")
public class JenkinsTargetEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String integration;
    public String repository;
    @Column(name = "base_url")
    public String baseUrl;
    public String username;
    @Column(name = "credential_kind")
    public String credentialKind;
    @Column(name = "default_job")
    public String defaultJob;
    @Column(name = "job_mapping")
    public String jobMapping;
    public String multibranch;
    public String parameters;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** @return where its credential is kept: {@code jenkins-targets/<integration>[/<owner>/<slug>]}, lower-cased */
    public String credentialPath() {
        return credentialPath(integration, repository);
    }

    public static String credentialPath(String integration, String repository) {
        String path = "jenkins-targets/" + integration + (repository == null ? "" : "/" + repository);
        return path.toLowerCase(java.util.Locale.ROOT);
    }
}
