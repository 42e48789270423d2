package dev.bitbridge.connector.branches;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

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
 * Reads a branch's head commit from Bitbucket, with the integration's credential and within its API budget (every
 * call an essential {@link BitbucketCalls} call: counted, and retried while Bitbucket fails transiently). Cloud:
 * {@code GET /2.0/repositories/{workspace}/{slug}/refs/branches/{name}} ({@code target.hash}); Data Center:
 * {@code GET /rest/api/latest/projects/{key}/repos/{slug}/branches?filterText=…} — a text filter, so the exact
 * {@code displayId} is looked for among the matches ({@code latestCommit}).
 */
@ApplicationScoped
public class BranchHeadReader {

    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,128}/[A-Za-z0-9_.-]{1,128}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    /** Data Center pages of filter matches read before giving up: a filter such as {@code a} may match thousands. */
    static final int MAX_PAGES = 10;
    static final int PAGE = 100;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final IntegrationAccess access;
    private final BitbucketCalls calls;

    BranchHeadReader(IntegrationAccess access, BitbucketCalls calls) {
        this.access = access;
        this.calls = calls;
    }

    /**
     * @return the head; fails with an {@link ApiException} (400 bad input, 404 unknown integration, repository or
     *         branch, 409 an integration without credentials) or a {@link UpstreamFailure} (502, 503)
     */
    public Uni<BranchHead> head(String integration, String repository, String branch) {
        if (!FULL_NAME.matcher(repository).matches()) {
            throw ApiException.invalid("repository", "must be workspace/slug (Cloud) or PROJECT/slug (Data Center)");
        }
        if (branch == null || branch.isBlank()) {
            throw ApiException.invalid("branch", "is required: give the branch's name, e.g. ?branch=main");
        }
        if (branch.startsWith("refs/")) {
            throw ApiException.invalid("branch", "must be the branch's name without refs/heads/, e.g. 'main'");
        }
        return access.of(integration)
                .onFailure(e -> e instanceof ApiException api && api.status() == 404)
                .transform(e -> notFound("integration", e.getMessage()))
                .chain(a -> (a.target().flavor() == BitbucketFlavor.CLOUD
                        ? cloud(a, repository, branch)
                        : dataCenter(a, repository, branch, repo(a, repository) + "/branches?filterText="
                                + URLEncoder.encode(branch, StandardCharsets.UTF_8) + "&boostMatches=true&limit=" + PAGE, 0))
                        .map(commit -> new BranchHead(repository, branch, commit, a.target().flavor().id()))
                        .onFailure(BitbucketException.class).transform(f -> unavailable((BitbucketException) f)));
    }

    private Uni<String> cloud(Access a, String repository, String branch) {
        String url = a.target().apiUrl() + "/repositories/" + repository + "/refs/branches/" + pathOf(branch);
        return calls.get(a, url)
                .map(answer -> hash(answer.json().path("target").path("hash").asText(""), repository, branch))
                .onFailure(BitbucketException.class).recoverWithUni(f -> {
                    if (((BitbucketException) f).problem() != BitbucketProblem.NOT_FOUND) {
                        return Uni.createFrom().failure(f);
                    }
                    // Cloud answers 404 for an unknown branch and an unknown (or invisible) repository alike.
                    return calls.get(a, a.target().apiUrl() + "/repositories/" + repository)
                            .onFailure(e -> e instanceof BitbucketException b
                                    && b.problem() == BitbucketProblem.NOT_FOUND)
                            .transform(e -> noRepository(a, repository))
                            .map(found -> {
                                throw noBranch(a, repository, branch);
                            });
                });
    }

    private Uni<String> dataCenter(Access a, String repository, String branch, String url, int page) {
        return calls.get(a, url)
                .onFailure(e -> e instanceof BitbucketException b && b.problem() == BitbucketProblem.NOT_FOUND)
                .transform(e -> noRepository(a, repository))
                .chain(answer -> {
                    JsonNode json = answer.json();
                    for (JsonNode ref : json.path("values")) {
                        if (branch.equals(ref.path("displayId").asText(null))) {
                            return Uni.createFrom().item(hash(ref.path("latestCommit").asText(""), repository,
                                    branch));
                        }
                    }
                    if (json.path("isLastPage").asBoolean(true) || !json.has("nextPageStart")) {
                        return Uni.createFrom().failure(noBranch(a, repository, branch));
                    }
                    if (page + 1 >= MAX_PAGES) {
                        return Uni.createFrom().failure(new UpstreamFailure(502, "too_many_matches", "Bitbucket"
                                + " lists more than " + MAX_PAGES * PAGE + " branches matching '" + branch + "' in "
                                + repository + " before the exact one; it could not be found", Optional.empty()));
                    }
                    String next = url.replaceAll("&start=\\d+$", "") + "&start=" + json.path("nextPageStart").asInt();
                    return dataCenter(a, repository, branch, next, page + 1);
                });
    }

    private static String hash(String value, String repository, String branch) {
        if (!HASH.matcher(value).matches()) {
            throw new UpstreamFailure(502, "bitbucket_error", "Bitbucket's answer for branch " + branch + " of "
                    + repository + " has no commit hash", Optional.empty());
        }
        return value;
    }

    private static ApiException noRepository(Access a, String repository) {
        return notFound("repository", "Integration '" + a.integration().name() + "' has no repository " + repository
                + " (it does not exist, or the integration's credential may not see it)");
    }

    private static ApiException noBranch(Access a, String repository, String branch) {
        return notFound("branch", "Repository " + repository + " of integration '" + a.integration().name()
                + "' has no branch '" + branch + "'");
    }

    /** A 404 whose {@code fields} name what is unknown, so that a caller can tell its user which input to fix. */
    private static ApiException notFound(String field, String detail) {
        return new ApiException(404, new ApiError("not_found", detail, List.of(new ApiError.FieldProblem(field,
                "is unknown"))));
    }

    private static UpstreamFailure unavailable(BitbucketException e) {
        if (e.isTransient()) {
            return new UpstreamFailure(503, e.problem().code(), "Bitbucket could not answer: " + e.getMessage(),
                    Optional.of(e.retryAfter().orElse(DEFAULT_RETRY_AFTER)));
        }
        return new UpstreamFailure(502, e.problem().code(), "Bitbucket refused to answer: " + e.getMessage(),
                Optional.empty());
    }

    private static String repo(Access a, String repository) {
        String[] parts = repository.split("/", 2);
        return a.target().apiUrl() + "/rest/api/latest/projects/" + parts[0] + "/repos/" + parts[1];
    }

    /**
     * A branch name in a Cloud path: its slashes kept, as in Bitbucket's own {@code links.self} of a branch, and every
     * other character outside the unreserved set percent-encoded as UTF-8.
     */
    static String pathOf(String branch) {
        StringBuilder out = new StringBuilder();
        for (byte b : branch.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c >= '0' && c <= '9'
                    || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
