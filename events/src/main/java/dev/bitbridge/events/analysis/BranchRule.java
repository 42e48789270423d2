package dev.bitbridge.events.analysis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which events build which jobs on which branches.
 * <p>
 * A rule matches an event when the event is one of {@link #events()} and its branch matches one of
 * {@link #branches()}: the pushed branch for {@code push}, the source branch for pull requests (and then the
 * destination branch one of {@link #targetBranches()}, when set), the tag's name for {@code tag-created}. Globs:
 * {@code *} matches within one path segment, {@code **} across segments, {@code ?} one character
 * ({@code main}, {@code release/*}, {@code **}).
 *
 * @param id the rule's name within its repository, e.g. {@code main-builds}
 * @param events {@code push}, {@code pr-opened}, {@code pr-updated}, {@code tag-created}
 * @param branches globs the branch (or tag) must match
 * @param targetBranches for pull requests: globs the destination branch must match; empty for any
 * @param jobs the jobs to build; empty for the repository's default job
 * @param trigger {@code always} (every matching event builds) or {@code tagged} (only when a trigger tag asks)
 * @param separatePullRequestBuilds whether pull-request events build even a commit a push already built, under a
 *        status key of their own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchRule(
        String id,
        List<String> events,
        List<String> branches,
        List<String> targetBranches,
        List<String> jobs,
        String trigger,
        boolean separatePullRequestBuilds) {

    public static final String PUSH = "push";
    public static final String PR_OPENED = "pr-opened";
    public static final String PR_UPDATED = "pr-updated";
    public static final String TAG_CREATED = "tag-created";
    public static final List<String> EVENTS = List.of(PUSH, PR_OPENED, PR_UPDATED, TAG_CREATED);

    public static final String ALWAYS = "always";
    public static final String TAGGED = "tagged";

    public BranchRule {
        events = events == null ? List.of() : List.copyOf(events);
        branches = branches == null ? List.of() : List.copyOf(branches);
        targetBranches = targetBranches == null ? List.of() : List.copyOf(targetBranches);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }
}
