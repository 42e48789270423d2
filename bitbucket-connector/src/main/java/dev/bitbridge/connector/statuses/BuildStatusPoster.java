package dev.bitbridge.connector.statuses;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.bitbucket.BitbucketCalls;
import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketProblem;
import dev.bitbridge.connector.bitbucket.IntegrationAccess;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.bitbucket.UpstreamFailure;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Posts a build status with the integration's credential, one call counted against its budget and never retried here
 * (status-reporter owns retries, ADR 14). Cloud: {@code POST …/commit/{hash}/statuses/build} with the branch as
 * {@code refname}. Data Center, by what the server supports ({@link DataCenterBuildSupport}): {@code POST
 * …/commits/{id}/builds} with {@code ref: refs/heads/…} and STOPPED as CANCELLED (8.0+) or FAILED, else the legacy
 * {@code /rest/build-status/1.0/commits/{id}}, STOPPED as FAILED. Input Bitbucket would refuse is refused here first,
 * every field at fault named, before anything is sent.
 */
@ApplicationScoped
public class BuildStatusPoster {

    static final Pattern HASH = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{1,40}");
    static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,128}/[A-Za-z0-9_.-]{1,128}");
    static final Set<String> STATES = Set.of("INPROGRESS", "SUCCESSFUL", "FAILED", "STOPPED");
    static final int MAX_URL = 450;
    static final int MAX_TEXT = 255;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private final IntegrationAccess access;
    private final BitbucketCalls calls;
    private final DataCenterBuildSupport support;

    BuildStatusPoster(IntegrationAccess access, BitbucketCalls calls, DataCenterBuildSupport support) {
        this.access = access;
        this.calls = calls;
        this.support = support;
    }

    /**
     * @return how it was posted; fails with an {@link ApiException} (400, 404 unknown integration, 409 no credentials)
     *         or a {@link UpstreamFailure} (422, 429, 503)
     */
    public Uni<PostedStatus> post(String integration, String repository, String commit, String key,
            BuildStatusRequest status) {
        validate(repository, commit, key, status);
        return access.withRemembered(integration, BuildStatusPoster::credentialRefused,
                a -> send(a, repository, commit, key, status))
                .onFailure(BitbucketException.class).transform(f -> failure((BitbucketException) f));
    }

    private Uni<PostedStatus> send(Access a, String repository, String commit, String key, BuildStatusRequest s) {
        return a.target().flavor() == BitbucketFlavor.CLOUD ? cloud(a, repository, commit, key, s)
                : dataCenter(a, repository, commit, key, s);
    }

    private static boolean credentialRefused(Throwable failure) {
        return failure instanceof BitbucketException refused && (refused.problem() == BitbucketProblem.BAD_CREDENTIALS
                || refused.problem() == BitbucketProblem.MISSING_SCOPE || refused.problem() == BitbucketProblem.FORBIDDEN);
    }

    private Uni<PostedStatus> cloud(Access a, String repository, String commit, String key, BuildStatusRequest s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("state", s.state());
        body.put("url", s.url());
        putIf(body, "name", s.name());
        putIf(body, "description", s.description());
        putIf(body, "refname", s.branch() != null ? s.branch() : s.tag());
        String url = a.target().apiUrl() + "/repositories/" + repository + "/commit/" + commit + "/statuses/build";
        return calls.sendOnce(a, HttpMethod.POST, url, body)
                .map(answer -> new PostedStatus("cloud", "cloud", s.state()));
    }

    private Uni<PostedStatus> dataCenter(Access a, String repository, String commit, String key,
            BuildStatusRequest s) {
        return support.of(a).chain(supported -> {
            String base = a.target().apiUrl();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", key);
            putIf(body, "name", s.name());
            body.put("url", s.url());
            putIf(body, "description", s.description());
            if (!supported.rich()) {
                String state = "STOPPED".equals(s.state()) ? "FAILED" : s.state();
                body.put("state", state);
                return calls.sendOnce(a, HttpMethod.POST, base + "/rest/build-status/1.0/commits/" + commit, body)
                        .map(answer -> new PostedStatus("datacenter", "legacy", state));
            }
            String state = "STOPPED".equals(s.state()) ? supported.cancelled() ? "CANCELLED" : "FAILED" : s.state();
            body.put("state", state);
            putIf(body, "parent", s.parent());
            putIf(body, "buildNumber", s.buildNumber() == null ? null : Long.toString(s.buildNumber()));
            putIf(body, "duration", s.durationMillis());
            putIf(body, "ref", s.branch() != null ? "refs/heads/" + s.branch()
                    : s.tag() != null ? "refs/tags/" + s.tag() : null);
            String[] parts = repository.split("/", 2);
            String url = base + "/rest/api/latest/projects/" + parts[0] + "/repos/" + parts[1] + "/commits/" + commit
                    + "/builds";
            return calls.sendOnce(a, HttpMethod.POST, url, body)
                    .map(answer -> new PostedStatus("datacenter", "builds", state));
        });
    }

    private static UpstreamFailure failure(BitbucketException e) {
        if (e.problem() == BitbucketProblem.RATE_LIMITED) {
            return new UpstreamFailure(429, e.problem().code(), "Bitbucket is rate limiting the integration's"
                    + " credential: " + e.getMessage(), Optional.of(e.retryAfter().orElse(DEFAULT_RATE_LIMIT_WAIT)));
        }
        if (e.isTransient()) {
            return new UpstreamFailure(503, e.problem().code(), "Bitbucket could not take the status now: "
                    + e.getMessage(), Optional.of(e.retryAfter().orElse(DEFAULT_RETRY_AFTER)));
        }
        return new UpstreamFailure(422, e.problem().code(), "Bitbucket refused the status: " + e.getMessage(),
                Optional.empty());
    }

    static void validate(String repository, String commit, String key, BuildStatusRequest s) {
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        if (!FULL_NAME.matcher(repository).matches()) {
            problems.add(problem("repository", "must be workspace/slug (Cloud) or PROJECT/slug (Data Center)"));
        }
        if (!HASH.matcher(commit).matches()) {
            problems.add(problem("commit", "must be the commit's full hash (40 or 64 lower-case hex digits)"));
        }
        if (!KEY.matcher(key).matches()) {
            problems.add(problem("key", "must be 1 to 40 of A-Z a-z 0-9 . _ ~ - (Bitbucket Cloud refuses longer keys)"));
        }
        if (s == null) {
            problems.add(problem("body", "is required: a JSON object with at least state and url"));
            throw ApiException.invalid(problems);
        }
        if (s.state() == null || !STATES.contains(s.state())) {
            problems.add(problem("state", "must be one of INPROGRESS, SUCCESSFUL, FAILED, STOPPED"));
        }
        if (s.url() == null || !absolute(s.url())) {
            problems.add(problem("url", "is required: the build's page as an absolute http(s) URL"));
        } else if (s.url().length() > MAX_URL) {
            problems.add(problem("url", "must be at most " + MAX_URL + " characters (Bitbucket Data Center's limit)"));
        } else if (URI.create(s.url()).getRawUserInfo() != null) {
            problems.add(problem("url", "must not carry user information (user:password@): Bitbucket shows the link"
                    + " to everyone who can read the repository"));
        }
        text(problems, "name", s.name());
        text(problems, "description", s.description());
        text(problems, "parent", s.parent());
        if (s.branch() != null && s.tag() != null) {
            problems.add(problem("tag", "give a branch or a tag, not both"));
        }
        ref(problems, "branch", s.branch());
        ref(problems, "tag", s.tag());
        if (s.buildNumber() != null && s.buildNumber() < 0) {
            problems.add(problem("buildNumber", "must not be negative"));
        }
        if (s.durationMillis() != null && s.durationMillis() < 0) {
            problems.add(problem("durationMillis", "must not be negative"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private static void text(List<ApiError.FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(problem(field, "must be at most " + MAX_TEXT + " characters (Bitbucket Data Center's limit)"));
        }
    }

    private static void ref(List<ApiError.FieldProblem> problems, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || value.length() > 1024) {
            problems.add(problem(field, "must be a name of 1 to 1024 characters"));
        } else if (value.startsWith("refs/")) {
            problems.add(problem(field, "must be the plain name, without refs/heads/ or refs/tags/"));
        }
    }

    private static ApiError.FieldProblem problem(String field, String what) {
        return new ApiError.FieldProblem(field, what);
    }

    private static boolean absolute(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void putIf(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
