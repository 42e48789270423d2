package dev.bitbridge.events.build;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.Repository;

/**
 * One record on {@code bitbridge.build-requests.v1}: build this commit with this job. CloudEvents type
 * {@code dev.bitbridge.build.requested}, id {@link #requestId()}.
 * <p>
 * An automatic request's id is derived from what it builds ({@link BuildRequestIds}), so the same request made twice —
 * a redelivered webhook, a push and a pull request that reach one commit — carries the same id, and build-trigger
 * dispatches it once. A person's request gets a new id each time: asking again builds again.
 *
 * @param requestId the request's id; see above
 * @param integration the integration
 * @param flavor {@code cloud} or {@code datacenter}
 * @param repository the repository
 * @param commit the full hash to build
 * @param branch the branch the commit was pushed to, or the pull request's source branch; null for a tag build
 * @param tag the tag, for a tag build; else null
 * @param job the Jenkins job path ({@code Games/Client}); null for the Jenkins target's default job
 * @param reason why: {@code push}, {@code pull-request}, {@code tag}, {@code manual} or {@code schedule}
 * @param triggers what asked for it: trigger tags (with the commit that carried each) and rules
 * @param commits the commits this build covers, newest first: the head and the tagged commits coalesced into it
 * @param taskKeys the task keys of those commits (and of the pull request), in order of first appearance
 * @param pullRequest the pull request, for a build of one
 * @param statusKey the key for the job as the request names it (at most 40 characters, see {@link StatusKeys});
 *        build-trigger posts its states under the key of the job it resolves ({@link BuildEvent#statusKey()})
 * @param requestedBy who caused it: the pusher, the pull request's actor, or the person who asked; null for a schedule
 * @param parameters extra job parameters (manual builds); empty otherwise
 * @param requestedAt when it was asked for
 * @param origin the raw webhook behind it; null for manual and scheduled builds
 * @param kind which builds of one commit and job are the same build ({@link BuildRequestIds}): {@code commit} for
 *        pushes and pull requests alike, {@code pull-request/<id>} for a pull request built separately,
 *        {@code tag/<name>}, {@code schedule/<id>/<slot>}; {@code manual} for a person's request, which is never a
 *        duplicate of another
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildRequest(
        String requestId,
        String integration,
        String flavor,
        Repository repository,
        String commit,
        String branch,
        String tag,
        String job,
        String reason,
        List<Trigger> triggers,
        List<String> commits,
        List<String> taskKeys,
        PullRequestRef pullRequest,
        String statusKey,
        Account requestedBy,
        Map<String, String> parameters,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime requestedAt,
        Origin origin,
        String kind) {

    public static final String TYPE = "dev.bitbridge.build.requested";

    public static final String PUSH = "push";
    public static final String PULL_REQUEST = "pull-request";
    public static final String TAG = "tag";
    public static final String MANUAL = "manual";
    public static final String SCHEDULE = "schedule";

    public BuildRequest {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        commits = commits == null ? List.of() : List.copyOf(commits);
        taskKeys = taskKeys == null ? List.of() : List.copyOf(taskKeys);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** @return whether a person asked for it (then a repeat is a new build, not a duplicate) */
    public boolean manual() {
        return MANUAL.equals(reason);
    }

    /**
     * What asked for a build.
     *
     * @param type {@code tag} (a trigger tag in a commit, pull request or annotated tag), {@code rule} (a branch rule),
     *        {@code manual} or {@code schedule}
     * @param name the tag as written ({@code #jenkins:Games/Client}), the rule's or schedule's id, or the person
     * @param commit for a trigger tag in a commit message: that commit
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(String type, String name, String commit) {

        public static final String TAG = "tag";
        public static final String RULE = "rule";
        public static final String MANUAL = "manual";
        public static final String SCHEDULE = "schedule";
    }
}
