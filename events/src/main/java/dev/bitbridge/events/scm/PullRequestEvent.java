package dev.bitbridge.events.scm;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record on {@code bitbridge.pullrequests.v1}: one transition of a pull request. CloudEvents type
 * {@code dev.bitbridge.pullrequest.<action>}, id {@code <raw event id>/pullrequest}.
 * <p>
 * For {@code opened} and {@code updated} the connector fetches the pull request's commits and its files, both always
 * (one files call per such event; the API budget defers only the file lists of commits). Commits of the pull request
 * that the destination repository did not have (a fork's) are published on {@code bitbridge.commits.v1} before this
 * record, each with its own {@code filesPending}, and their deferred files follow there as
 * {@link CommitEvent#TYPE_FILES} (read in the fork).
 *
 * @param integration the integration
 * @param flavor {@code cloud} or {@code datacenter}
 * @param repository the destination repository (the record key's)
 * @param action {@code opened}, {@code updated}, {@code approved}, {@code unapproved}, {@code changes_requested},
 *        {@code merged}, {@code declined} or {@code comment_created}
 * @param id the pull request's number in the destination repository
 * @param title the title
 * @param description the description (markdown); null when empty
 * @param state Bitbucket's state after the transition, as Bitbucket wrote it: {@code OPEN}, {@code MERGED},
 *        {@code DECLINED}, and on Cloud also {@code SUPERSEDED}; null when the payload had none
 * @param author who opened it
 * @param source the source branch, repository (a fork's, for a fork PR) and head commit
 * @param destination the destination branch, repository and the commit it pointed at
 * @param previousHead for an {@code updated} that moved the source head: the head before it — Data Center's
 *        {@code previousFromHash}, or on Cloud (whose webhook leaves it out) the head Bitbridge last published for
 *        the pull request; null when the head did not move or is not known
 * @param reviewers reviewers and participants with a say, and their approval state
 * @param actor who caused the transition (approver, merger, commenter…)
 * @param mergeCommit for {@code merged}: the merge commit, when Bitbucket gave it
 * @param comment for {@code comment_created}: the comment
 * @param commits for {@code opened} and {@code updated}: the pull request's commits (hashes, newest first); null for
 *        other actions
 * @param files for {@code opened} and {@code updated}: the files the pull request changes, empty when
 *        {@code filesPending}; null for other actions
 * @param filesPending always false in this version: a pull request's files are always fetched (see above); kept so
 *        that a later version may defer them with a follow-up record
 * @param url the pull request's web page
 * @param occurredAt when Bitbucket says the transition happened, else when the ingress received it
 * @param origin the raw webhook
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullRequestEvent(
        String integration,
        String flavor,
        Repository repository,
        String action,
        long id,
        String title,
        String description,
        String state,
        Account author,
        Endpoint source,
        Endpoint destination,
        String previousHead,
        List<Reviewer> reviewers,
        Account actor,
        String mergeCommit,
        Comment comment,
        List<String> commits,
        List<FileChange> files,
        boolean filesPending,
        String url,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime occurredAt,
        Origin origin) {

    public static final String TYPE_PREFIX = "dev.bitbridge.pullrequest.";

    /** @return the CloudEvents type, e.g. {@code dev.bitbridge.pullrequest.opened} */
    public String type() {
        return TYPE_PREFIX + action;
    }

    /**
     * One side of a pull request.
     *
     * @param branch the branch name
     * @param commit the head commit (source) or the commit the branch pointed at (destination); full hash when
     *        Bitbucket gave one (Cloud webhooks give 12 characters: the connector completes them when it fetches)
     * @param repository the repository; differs from the destination's for a fork
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoint(String branch, String commit, Repository repository) {
    }

    /**
     * @param account the reviewer or participant
     * @param role {@code REVIEWER} or {@code PARTICIPANT}
     * @param state {@code approved}, {@code changes_requested} or {@code none}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reviewer(Account account, String role, String state) {
    }

    /**
     * @param id Bitbucket's comment id
     * @param text the raw (markdown) text; null when the payload had none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(long id, String text) {
    }
}
