package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.Repository;

/**
 * One pull-request transition.
 *
 * @param action what happened
 * @param repository the destination repository (for a fork PR, not the source's)
 * @param pullRequest the pull request as the payload shows it after the transition
 * @param previousHead for Data Center's {@code pr:from_ref_updated}: the source head before the push
 *        ({@code previousFromHash}); null otherwise (Cloud does not say)
 * @param comment for {@link Action#COMMENT_CREATED}: the comment; null otherwise
 * @param actor who caused the transition; null when the payload does not say
 * @param occurredAt when Bitbucket says it happened: Data Center's {@code date}; on Cloud the approval's, change
 *        request's or comment's date, else the pull request's {@code updated_on}; null when none is given
 */
public record PullRequestNotice(
        Action action,
        Repository repository,
        PullRequestSnapshot pullRequest,
        String previousHead,
        PullRequestEvent.Comment comment,
        Account actor,
        OffsetDateTime occurredAt) implements Notice {

    public PullRequestNotice {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(pullRequest, "pullRequest");
    }

    /**
     * A pull-request transition. {@link #id()} is {@link PullRequestEvent#action()}. Cloud {@code pullrequest:updated}
     * and Data Center {@code pr:from_ref_updated} and {@code pr:modified} are all {@link #UPDATED}; Data Center's
     * {@code pr:reviewer:needs_work} is {@link #CHANGES_REQUESTED}.
     */
    public enum Action {
        OPENED,
        UPDATED,
        APPROVED,
        UNAPPROVED,
        CHANGES_REQUESTED,
        MERGED,
        DECLINED,
        COMMENT_CREATED;

        /** @return e.g. {@code changes_requested} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
