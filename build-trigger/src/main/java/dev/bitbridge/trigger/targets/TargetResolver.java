package dev.bitbridge.trigger.targets;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.trigger.jenkins.JenkinsEndpoint;
import dev.bitbridge.trigger.jenkins.JobUrls;

/**
 * Finds where a request's build goes: the repository's Jenkins target, else its integration's; the job it names
 * (through the target's job mapping), or the target's default job; in a multibranch project, the job of the branch
 * ({@code PR-<id>} for a pull request). Fails with {@link Unresolvable} saying what to configure.
 */
@ApplicationScoped
public class TargetResolver {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final CredentialStore credentials;
    private final ObjectMapper json;
    private final JenkinsTargetStore store;
    private final Pool pool;

    TargetResolver(CredentialStore credentials, ObjectMapper json, JenkinsTargetStore store, Pool pool) {
        this.credentials = credentials;
        this.json = json;
        this.store = store;
        this.pool = pool;
    }

    /** @return the target that applies to the repository, or null */
    public Uni<JenkinsTarget> targetOf(String integration, String repository) {
        return targetOf(pool, integration, repository);
    }

    /** @return the target that applies to the repository, or null; read on {@code client} (a caller's transaction) */
    public Uni<JenkinsTarget> targetOf(SqlClient client, String integration, String repository) {
        return store.ofRepository(client, RecordKeys.of(integration, repository), integration);
    }

    /** @return the job path the request builds in this target, or null when neither it nor the target names one */
    public String jobPath(JenkinsTarget target, BuildRequest request) {
        String requested = request.job() != null ? request.job() : target.defaultJob();
        if (requested == null) {
            return target.multibranch();
        }
        return mapping(target).getOrDefault(requested, requested);
    }

    /** @return where the build goes; fails with {@link Unresolvable} */
    public Uni<ResolvedJob> resolve(BuildRequest request) {
        String repository = request.repository().fullName();
        return targetOf(request.integration(), repository).chain(target -> {
            if (target == null) {
                return Uni.createFrom().failure(new Unresolvable("No Jenkins target is configured for "
                        + request.integration() + " or " + RecordKeys.of(request.integration(), repository)
                        + ": add one with PUT /api/v1/integrations/" + request.integration() + "/jenkins-target"));
            }
            String path = jobPath(target, request);
            if (path == null) {
                return Uni.createFrom().failure(new Unresolvable("The request names no job and the Jenkins target "
                        + target.id() + " has no default job: set defaultJob (or multibranch) on the target"));
            }
            return credentials.get(target.credentialPath()).map(secret -> {
                String token = secret.orElseThrow(() -> new Unresolvable("The credential of Jenkins target "
                        + target.id() + " is missing from the credential store: PUT the target again with its"
                        + " credential")).require("secret");
                JenkinsEndpoint endpoint = new JenkinsEndpoint(target.baseUrl(), target.username(), token,
                        "password".equals(target.credentialKind()));
                if (request.job() == null && target.defaultJob() == null && target.multibranch() != null) {
                    String branchJob = request.pullRequest() != null ? "PR-" + request.pullRequest().id()
                            : request.branch() != null ? request.branch() : request.tag();
                    return new ResolvedJob(endpoint, target.multibranch() + "/" + JobUrls.branchJobName(branchJob),
                            JobUrls.branchJob(target.baseUrl(), target.multibranch(), branchJob), target);
                }
                return new ResolvedJob(endpoint, path, JobUrls.job(target.baseUrl(), path), target);
            });
        });
    }

    /** @return the job parameters: Bitbridge's, then the target's, then the request's own (manual builds) */
    public Map<String, String> parameters(JenkinsTarget target, BuildRequest request) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("BITBRIDGE_REQUEST_ID", request.requestId());
        parameters.put("COMMIT", request.commit());
        parameters.put("REPOSITORY", request.repository().fullName());
        if (request.branch() != null) {
            parameters.put("BRANCH", request.branch());
        }
        if (request.tag() != null) {
            parameters.put("TAG", request.tag());
        }
        if (request.pullRequest() != null) {
            parameters.put("PULL_REQUEST", Long.toString(request.pullRequest().id()));
        }
        parameters.put("TASK_KEYS", String.join(",", request.taskKeys()));
        parameters.put("REQUESTED_BY", requester(request));
        parameters.put("BUILD_REASON", request.reason());
        if (target != null) {
            parameters.putAll(parse(target.parameters()));
        }
        parameters.putAll(request.parameters());
        return parameters;
    }

    private static String requester(BuildRequest request) {
        if (request.requestedBy() == null) {
            return request.reason();
        }
        var who = request.requestedBy();
        return who.name() != null ? who.name() : who.displayName() != null ? who.displayName() : who.id();
    }

    private Map<String, String> mapping(JenkinsTarget target) {
        return parse(target.jobMapping());
    }

    private Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("A Jenkins target's stored JSON cannot be read", e);
        }
    }

    /** No target or job for a request: a person must configure one. */
    public static final class Unresolvable extends RuntimeException {
        public Unresolvable(String message) {
            super(message, null, false, false);
        }
    }
}
