package dev.bitbridge.trigger.targets;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.jenkins.JenkinsEndpoint;
import dev.bitbridge.trigger.jenkins.JenkinsException;
import dev.bitbridge.trigger.jenkins.JobUrls;

/**
 * Finds where a request's build goes: the repository's Jenkins target, else its integration's; the job it names
 * (through the target's job mapping), or the target's default job; in a multibranch project, the job of the branch
 * ({@code PR-<id>} for a pull request). Fails with {@link Unresolvable} saying what to configure.
 * <p>
 * Every dispatch and every poll of a build needs its target and the target's decrypted credential, so both are
 * remembered for {@code bitbridge.trigger.dispatch.target-cache-ttl}: a change through this replica's API
 * ({@link #forgetAll}) applies at once, another replica's within that time, and a call Jenkins refuses with a
 * credential that has changed since is made again with the new one ({@link #withJob}). What is not there (no target,
 * no credential) is never remembered: a target just added is used at once.
 */
@ApplicationScoped
public class TargetResolver {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    /** Beyond this many remembered targets (or credentials), the expired ones are let go, or all if none is. */
    static final int MAX_REMEMBERED = 10_000;

    private final CredentialStore credentials;
    private final ObjectMapper json;
    private final JenkinsTargetStore store;
    private final Pool pool;
    private final Duration ttl;
    /** By repository ({@code <integration>:<repository>}): the target that applies to it. */
    private final Map<String, Remembered<JenkinsTarget>> targets = new ConcurrentHashMap<>();
    /** By credential path: the target's credential. */
    private final Map<String, Remembered<SecretFields>> secrets = new ConcurrentHashMap<>();
    /** Counts {@link #forgetAll} calls: what a read begun before one returns is not remembered. */
    private final AtomicLong generation = new AtomicLong();

    TargetResolver(CredentialStore credentials, ObjectMapper json, JenkinsTargetStore store, Pool pool,
            TriggerConfig config) {
        this.credentials = credentials;
        this.json = json;
        this.store = store;
        this.pool = pool;
        this.ttl = config.dispatch().targetCacheTtl();
    }

    /** @return the target that applies to the repository, or null; read now (for the API) */
    public Uni<JenkinsTarget> targetOf(String integration, String repository) {
        return read(pool, integration, repository);
    }

    /**
     * @return the target that applies to the repository, or null: remembered, else read on {@code client} (a caller's
     *         transaction, which may hold the only free connection)
     */
    public Uni<JenkinsTarget> targetOf(SqlClient client, String integration, String repository) {
        JenkinsTarget known = fresh(targets, RecordKeys.of(integration, repository));
        return known != null ? Uni.createFrom().item(known) : read(client, integration, repository);
    }

    /** A target was changed or removed through this replica's API: nothing remembered may be used again. */
    public void forgetAll() {
        generation.incrementAndGet();
        targets.clear();
        secrets.clear();
    }

    /**
     * Runs {@code call} with where the request's build goes. Should Jenkins refuse the credentials (401, 403) while the
     * target or credential read now differs from the remembered one used (another replica changed it), the call is
     * made once more with the new one; otherwise the refusal stands.
     */
    public <T> Uni<T> withJob(BuildRequest request, Function<ResolvedJob, Uni<T>> call) {
        return resolve(request, false).chain(job -> call.apply(job)
                .onFailure(TargetResolver::credentialsRefused).recoverWithUni(refusal -> resolve(request, true)
                        .chain(current -> current.endpoint().equals(job.endpoint())
                                ? Uni.createFrom().<T> failure(refusal)
                                : call.apply(current))));
    }

    private static boolean credentialsRefused(Throwable failure) {
        return failure instanceof JenkinsException refused && (refused.status() == 401 || refused.status() == 403);
    }

    private Uni<JenkinsTarget> read(SqlClient client, String integration, String repository) {
        String key = RecordKeys.of(integration, repository);
        long since = generation.get();
        return store.ofRepository(client, key, integration).invoke(found -> remember(targets, key, found, since));
    }

    private Uni<Optional<SecretFields>> secretOf(JenkinsTarget target, boolean reread) {
        SecretFields known = reread ? null : fresh(secrets, target.credentialPath());
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        long since = generation.get();
        return credentials.get(target.credentialPath())
                .invoke(found -> remember(secrets, target.credentialPath(), found.orElse(null), since));
    }

    private <V> V fresh(Map<String, Remembered<V>> map, String key) {
        Remembered<V> known = map.get(key);
        return known != null && System.nanoTime() - known.at() < ttl.toNanos() ? known.value() : null;
    }

    private <V> void remember(Map<String, Remembered<V>> map, String key, V value, long since) {
        if (value == null || ttl.isZero() || generation.get() != since) {
            map.remove(key);
            return;
        }
        if (map.size() >= MAX_REMEMBERED) {
            long now = System.nanoTime();
            map.values().removeIf(entry -> now - entry.at() >= ttl.toNanos());
            if (map.size() >= MAX_REMEMBERED) {
                map.clear();
            }
        }
        map.put(key, new Remembered<>(value, System.nanoTime()));
    }

    private record Remembered<V>(V value, long at) {
    }

    /** @return the job path the request builds in this target, or null when neither it nor the target names one */
    public String jobPath(JenkinsTarget target, BuildRequest request) {
        String requested = request.job() != null ? request.job() : target.defaultJob();
        if (requested == null) {
            return target.multibranch();
        }
        return mapping(target).getOrDefault(requested, requested);
    }

    /** @return where the build goes, from what is remembered; fails with {@link Unresolvable} */
    public Uni<ResolvedJob> resolve(BuildRequest request) {
        return resolve(request, false);
    }

    private Uni<ResolvedJob> resolve(BuildRequest request, boolean reread) {
        String repository = request.repository().fullName();
        Uni<JenkinsTarget> found = reread ? read(pool, request.integration(), repository)
                : targetOf(pool, request.integration(), repository);
        return found.chain(target -> {
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
            return secretOf(target, reread).map(secret -> {
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
