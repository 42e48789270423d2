package dev.bitbridge.events.build;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Repository;

/**
 * One record on {@code bitbridge.builds.v1}: a build reached a state. CloudEvents type
 * {@code dev.bitbridge.build.<state, lower case>}, id {@code <requestId>/<sequence>}.
 * <p>
 * A build's records share its {@link #requestId()} and carry an increasing {@link #sequence()}: a consumer that sees
 * a lower sequence than one it has already applied (records can be read twice) ignores it. The last record of every
 * build is in a final state ({@link BuildState#isFinal()}); nothing stays QUEUED or INPROGRESS forever.
 *
 * @param requestId the build request's id
 * @param sequence 1 for the first record of this build, then one more for each
 * @param integration the integration
 * @param flavor {@code cloud} or {@code datacenter}
 * @param repository the repository
 * @param commit the full hash built
 * @param branch the branch (the pull request's source branch for a PR build); null for a tag build
 * @param tag the tag, for a tag build
 * @param pullRequest the pull request, for a build of one
 * @param job the Jenkins job path actually built (the default job resolved); null when the build failed before a job
 *        could be chosen (no Jenkins target or default job)
 * @param statusKey the key a status reporter posts under (at most 40 characters): once a job was chosen, the key of that
 *        job ({@link StatusKeys}), so that builds of one job show as one status whether a request named the job or
 *        left it to the Jenkins target's default
 * @param state the state reached
 * @param reason why, in words: the Jenkins result, who cancelled, or what failed and what to do
 * @param result Jenkins' own result when it gave one: {@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE},
 *        {@code ABORTED} or {@code NOT_BUILT}
 * @param jenkinsUrl the Jenkins base URL; null when no Jenkins target was found
 * @param queueUrl the queue item's URL, once Jenkins made one
 * @param buildUrl the build's page, once it has a number
 * @param buildNumber the build number, once known
 * @param durationMillis how long the build ran, once finished (Jenkins' {@code duration})
 * @param requestReason the request's reason: {@code push}, {@code pull-request}, {@code tag}, {@code manual} or
 *        {@code schedule}
 * @param requestedBy who caused it, when known
 * @param taskKeys the request's task keys
 * @param occurredAt when build-trigger saw the state
 * @param requestedAt when the build was asked for; of two builds of one commit under one status key (a person built it
 *        again), the one asked for later is the newer, whatever order their records arrive in. Absent from records
 *        written before it was added: then {@code occurredAt} stands in.
 * @param jobUrl the Jenkins job's page, once a job was chosen: where a status links while the build has no page yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildEvent(
        String requestId,
        long sequence,
        String integration,
        String flavor,
        Repository repository,
        String commit,
        String branch,
        String tag,
        PullRequestRef pullRequest,
        String job,
        String statusKey,
        BuildState state,
        String reason,
        String result,
        String jenkinsUrl,
        String queueUrl,
        String buildUrl,
        Integer buildNumber,
        Long durationMillis,
        String requestReason,
        Account requestedBy,
        List<String> taskKeys,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime occurredAt,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime requestedAt,
        String jobUrl) {

    /** CloudEvents type prefix; the state in lower case follows. */
    public static final String TYPE_PREFIX = "dev.bitbridge.build.";

    public BuildEvent {
        taskKeys = taskKeys == null ? List.of() : List.copyOf(taskKeys);
    }

    /** A record without {@link #requestedAt()} and {@link #jobUrl()}, as build-trigger wrote them before it was added. */
    public BuildEvent(String requestId, long sequence, String integration, String flavor, Repository repository,
            String commit, String branch, String tag, PullRequestRef pullRequest, String job, String statusKey,
            BuildState state, String reason, String result, String jenkinsUrl, String queueUrl, String buildUrl,
            Integer buildNumber, Long durationMillis, String requestReason, Account requestedBy, List<String> taskKeys,
            OffsetDateTime occurredAt) {
        this(requestId, sequence, integration, flavor, repository, commit, branch, tag, pullRequest, job, statusKey,
                state, reason, result, jenkinsUrl, queueUrl, buildUrl, buildNumber, durationMillis, requestReason,
                requestedBy, taskKeys, occurredAt, null, null);
    }

    /** @return the CloudEvents type, e.g. {@code dev.bitbridge.build.inprogress} */
    public String type() {
        return TYPE_PREFIX + state.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the CloudEvents id */
    public String id() {
        return requestId + "/" + sequence;
    }
}
