package dev.bitbridge.events.scm;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record on {@code bitbridge.refs.v1}: one ref a push moved. A push that moves three refs gives three records, in
 * the order the push listed them. CloudEvents type {@code dev.bitbridge.ref.<change>}, e.g.
 * {@code dev.bitbridge.ref.updated}; id {@code <raw event id>/ref/<index>}.
 *
 * @param integration the integration the push came through
 * @param flavor {@code cloud} or {@code datacenter}
 * @param repository the repository
 * @param ref the ref's short name, e.g. {@code feature/GAME-12-particles} or {@code v1.2.0}
 * @param refType {@code branch} or {@code tag}
 * @param change {@code created}, {@code updated} or {@code deleted}
 * @param forced whether the update was not a fast-forward (Cloud says so; on Data Center: the old head is not an
 *        ancestor of the new one, which the connector checks)
 * @param oldHash the commit the ref pointed at before; null when created
 * @param newHash the commit it points at now; null when deleted
 * @param newCommits commits the change brought that are new to the repository, newest first; each has its own record
 *        on {@code bitbridge.commits.v1}
 * @param knownCommits commits the change brought that the repository already had (on another branch, or an earlier
 *        delivery): they reached this ref, but are not new
 * @param tagMessage an annotated tag's message; null for a lightweight tag or a branch
 * @param actor who pushed, when Bitbucket said
 * @param pushedAt when the ingress received the push
 * @param origin the raw webhook
 * @param newCommitMessages the messages of {@code newCommits}, in the same order, bounded as {@link CommitMessage}
 *        says; absent on records written before it was added to v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefChangeEvent(
        String integration,
        String flavor,
        Repository repository,
        String ref,
        String refType,
        String change,
        boolean forced,
        String oldHash,
        String newHash,
        List<String> newCommits,
        List<String> knownCommits,
        String tagMessage,
        Account actor,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime pushedAt,
        Origin origin,
        List<CommitMessage> newCommitMessages) {

    /** CloudEvents type prefix; the change follows. */
    public static final String TYPE_PREFIX = "dev.bitbridge.ref.";

    public static final String BRANCH = "branch";
    public static final String TAG = "tag";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    /** @return the CloudEvents type, e.g. {@code dev.bitbridge.ref.created} */
    public String type() {
        return TYPE_PREFIX + change;
    }
}
