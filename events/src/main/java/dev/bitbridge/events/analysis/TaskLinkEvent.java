package dev.bitbridge.events.analysis;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.Repository;

/**
 * One record on {@code bitbridge.task-links.v1}: a task key found in a commit message, a pull request's title or
 * description, or a branch name. CloudEvents type {@code dev.bitbridge.task.linked}; id
 * {@code <origin event id>/task/<where>/<subject>/<key>}, where the subject is the commit hash for a commit message,
 * {@code pr-<pull request id>} for a pull request's title or description and the branch for a branch name (two
 * branches created at one commit by one push are two links). The id is the same however often the source event is
 * read, so a consumer recognises a repeat. A key found twice in one text is one record (the first place).
 *
 * @param key the task key, e.g. {@code GAME-789}
 * @param project its project part, e.g. {@code GAME}
 * @param link the task's page from the link template in effect for the repository (its own, else its
 *        integration's; see {@link AnalysisSettings}); null when none is set
 * @param integration the integration
 * @param flavor {@code cloud} or {@code datacenter}
 * @param repository the repository
 * @param commit the commit whose message names it, or the head of the branch or pull request that does
 * @param pullRequestId the pull request whose title or description names it (or whose source branch does)
 * @param branch the branch whose name names it, or the pull request's source branch
 * @param foundIn where: {@code commit-message}, {@code pull-request-title}, {@code pull-request-description} or
 *        {@code branch-name}
 * @param offset where in that text the key starts, in Unicode code points from 0
 * @param line the line of that text it is on, from 1
 * @param author who wrote the text: the commit's author, or (with only its account set) the pull request's author or
 *        the pusher of the branch; null when not known
 * @param occurredAt when the source event happened (commit: its author date, or when received if Bitbucket gave none;
 *        others: when received)
 * @param origin the raw webhook behind it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskLinkEvent(
        String key,
        String project,
        String link,
        String integration,
        String flavor,
        Repository repository,
        String commit,
        Long pullRequestId,
        String branch,
        String foundIn,
        int offset,
        int line,
        Person author,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime occurredAt,
        Origin origin) {

    public static final String TYPE = "dev.bitbridge.task.linked";

    public static final String COMMIT_MESSAGE = "commit-message";
    public static final String PULL_REQUEST_TITLE = "pull-request-title";
    public static final String PULL_REQUEST_DESCRIPTION = "pull-request-description";
    public static final String BRANCH_NAME = "branch-name";

    /** @return the CloudEvents id; see the class comment */
    public String id() {
        String subject = switch (foundIn) {
            case COMMIT_MESSAGE -> commit;
            case BRANCH_NAME -> branch;
            default -> "pr-" + pullRequestId;
        };
        return origin.eventId() + "/task/" + foundIn + "/" + subject + "/" + key;
    }
}
