package dev.bitbridge.bench.connector;

import java.util.regex.Pattern;

/**
 * What a request to Bitbucket Cloud's REST API was for, as the enrichment makes them: commit lists, a commit's files
 * ({@code diffstat/{hash}}), branch heads, one commit, and a pull request's commits and files (whose diffstat answers
 * with a redirect to the repository's diffstat of the pull request's spec).
 */
public enum CallKind {

    /** {@code GET .../commits?include=…&exclude=…}: a truncated or missing commit list. */
    COMMITS("commits"),
    /** {@code GET .../diffstat/{hash}}: the files of one commit. */
    FILES("diffstat/{hash}"),
    /** {@code GET .../refs/branches}: the heads of every branch, for a new branch of unknown commits. */
    BRANCHES("refs/branches"),
    /** {@code GET .../commit/{hash}}: one commit. */
    COMMIT("commit/{hash}"),
    /** {@code GET .../pullrequests/{id}/commits}. */
    PR_COMMITS("pullrequests/{id}/commits"),
    /** {@code GET .../pullrequests/{id}/diffstat}, answered with a redirect. */
    PR_FILES("pullrequests/{id}/diffstat"),
    /** The repository's diffstat of a pull request's spec, where {@link #PR_FILES} redirects to. */
    PR_FILES_REDIRECTED("diffstat of a pull request (redirect target)"),
    /** {@code GET .../pullrequests/{id}}. */
    PULL_REQUEST("pullrequests/{id}"),
    /** Anything else: hooks, the user, writes. */
    OTHER("other");

    private static final Pattern PR_COMMITS_PATH = Pattern.compile("/pullrequests/\\d+/commits/?");
    private static final Pattern PR_FILES_PATH = Pattern.compile("/pullrequests/\\d+/diffstat/?");
    private static final Pattern PR_PATH = Pattern.compile("/pullrequests/\\d+/?");

    private final String label;

    CallKind(String label) {
        this.label = label;
    }

    /** @return how the kind is named in tables */
    public String label() {
        return label;
    }

    /**
     * @param method the HTTP method
     * @param path the decoded path, e.g. {@code /2.0/repositories/acme/api/diffstat/1f2e…}
     * @param query the raw query string, or {@code null}
     * @return what the request was for
     */
    public static CallKind of(String method, String path, String query) {
        if (!"GET".equals(method) || path == null) {
            return OTHER;
        }
        String[] segments = path.split("/", 6);
        // "", "2.0", "repositories", workspace, slug, rest
        if (segments.length < 6 || !"repositories".equals(segments[2])) {
            return OTHER;
        }
        String rest = "/" + segments[5];
        if (rest.equals("/commits") || rest.startsWith("/commits/")) {
            return COMMITS;
        }
        if (rest.startsWith("/commit/")) {
            return rest.indexOf('/', "/commit/".length()) < 0 ? COMMIT : OTHER;
        }
        if (rest.startsWith("/diffstat/")) {
            boolean ofPullRequest = query != null && query.contains("from_pullrequest_id=")
                    || rest.indexOf(':') >= 0;
            return ofPullRequest ? PR_FILES_REDIRECTED : FILES;
        }
        if (rest.equals("/refs/branches") || rest.startsWith("/refs/branches/")) {
            return BRANCHES;
        }
        if (PR_COMMITS_PATH.matcher(rest).matches()) {
            return PR_COMMITS;
        }
        if (PR_FILES_PATH.matcher(rest).matches()) {
            return PR_FILES;
        }
        if (PR_PATH.matcher(rest).matches()) {
            return PULL_REQUEST;
        }
        return OTHER;
    }
}
