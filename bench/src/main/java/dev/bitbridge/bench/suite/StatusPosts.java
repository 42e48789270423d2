package dev.bitbridge.bench.suite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bitbridge.testkit.bitbucket.RecordedRequest;

/**
 * The build-status posts the Bitbucket simulator took, per commit, in the order they arrived: Data Center's
 * repository-scoped {@code POST …/projects/{key}/repos/{slug}/commits/{hash}/builds} and the legacy
 * {@code POST /rest/build-status/1.0/commits/{hash}}, answered 2xx. Refused posts do not count.
 * <p>
 * The request log does not keep bodies, so which post was the INPROGRESS one follows from status-reporter's
 * contract: it shows at most INPROGRESS and then the result, each once, for a commit's build (README: QUEUED and
 * INPROGRESS are both {@code INPROGRESS}). With two or more posts the first was INPROGRESS; with one, it was INPROGRESS
 * when the status Bitbucket shows is still INPROGRESS, else the result came first and INPROGRESS was never shown.
 */
public final class StatusPosts {

    private static final Pattern REPOSITORY_SCOPED = Pattern.compile("/commits/([0-9a-fA-F]{7,64})/builds/?$");
    private static final Pattern LEGACY = Pattern.compile("^/rest/build-status/1\\.0/commits/([0-9a-fA-F]{7,64})/?$");

    /**
     * A post this long after a commit's first is not its INPROGRESS or its result (a build here runs about a second)
     * but a re-post, and is left out of the commit's posts (counted by {@link #reposts()}).
     */
    static final long REPOST_AFTER_NANOS = 30_000_000_000L;

    private final Map<String, List<Long>> byCommit;
    private final long reposts;

    private StatusPosts(Map<String, List<Long>> byCommit, long reposts) {
        this.byCommit = byCommit;
        this.reposts = reposts;
    }

    /** @return the posts of a request log (every request the simulator answered) */
    public static StatusPosts of(List<RecordedRequest> requests) {
        Map<String, List<Long>> byCommit = new HashMap<>();
        for (RecordedRequest r : requests) {
            if (!"POST".equals(r.method()) || r.status() < 200 || r.status() > 299) {
                continue;
            }
            String commit = commitOf(r.path());
            if (commit != null) {
                byCommit.computeIfAbsent(commit, c -> new ArrayList<>()).add(r.receivedNanos());
            }
        }
        long reposts = 0;
        for (List<Long> times : byCommit.values()) {
            times.sort(Long::compare);
            long first = times.get(0);
            int before = times.size();
            times.removeIf(t -> t - first >= REPOST_AFTER_NANOS);
            reposts += before - times.size();
        }
        return new StatusPosts(byCommit, reposts);
    }

    /** @return posts that came {@link #REPOST_AFTER_NANOS} or more after their commit's first post */
    public long reposts() {
        return reposts;
    }

    /** @return posts (counted ones, re-posts left out) for commits not among {@code commits} */
    public long postsOutside(java.util.Set<String> commits) {
        return byCommit.entrySet().stream().filter(e -> !commits.contains(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    /** @return posts beyond the two (INPROGRESS, result) a commit's build should have, among {@code commits} */
    public long extraPosts(java.util.Set<String> commits) {
        return commits.stream().mapToLong(c -> Math.max(0, count(c) - 2)).sum();
    }

    /** @return the commit a build-status post is for, or {@code null} when the path is no such post */
    static String commitOf(String path) {
        Matcher m = REPOSITORY_SCOPED.matcher(path);
        if (m.find() && path.contains("/repos/")) {
            return m.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        m = LEGACY.matcher(path);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** @return how many posts the commit had */
    public int count(String commit) {
        return byCommit.getOrDefault(commit, List.of()).size();
    }

    /**
     * @param commit the commit
     * @param shown the state Bitbucket shows for it now, or {@code null}
     * @return when its INPROGRESS status was posted ({@link System#nanoTime()}), or {@code null}: not posted (yet), or
     *         never (see {@link #skippedInProgress})
     */
    public Long inProgress(String commit, String shown) {
        List<Long> times = byCommit.get(commit);
        if (times == null || times.isEmpty()) {
            return null;
        }
        if (times.size() >= 2 || shown == null || "INPROGRESS".equals(shown)) {
            return times.get(0);
        }
        return null;
    }

    /** @return whether the commit's only post was its result: INPROGRESS was never shown */
    public boolean skippedInProgress(String commit, String shown) {
        List<Long> times = byCommit.get(commit);
        return times != null && times.size() == 1 && shown != null && !"INPROGRESS".equals(shown);
    }
}
