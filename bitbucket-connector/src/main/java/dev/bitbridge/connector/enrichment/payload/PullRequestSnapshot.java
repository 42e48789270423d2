package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;

/**
 * A pull request as a webhook shows it.
 *
 * @param id its number in the destination repository
 * @param title the title
 * @param description the description; null when absent or empty
 * @param state Bitbucket's state: {@code OPEN}, {@code MERGED}, {@code DECLINED} (Cloud also {@code SUPERSEDED})
 * @param author who opened it; null when not given
 * @param source the source branch, head commit and repository (a fork's for a fork PR). Commit hashes are as given:
 *        Cloud webhooks give 12-character short hashes, Data Center full ones
 * @param destination the destination branch, the commit it pointed at and the repository
 * @param reviewers reviewers (role {@code REVIEWER}) and other participants ({@code PARTICIPANT}) with their state
 *        ({@code approved}, {@code changes_requested} or {@code none}); reviewers first, in payload order
 * @param mergeCommit the merge commit when merged and given (Cloud: short hash; Data Center:
 *        {@code properties.mergeCommit.id}); null otherwise
 * @param url its web page, when given
 * @param createdAt when it was opened, when given
 * @param updatedAt when it last changed, when given
 */
public record PullRequestSnapshot(
        long id,
        String title,
        String description,
        String state,
        Account author,
        Endpoint source,
        Endpoint destination,
        List<Reviewer> reviewers,
        String mergeCommit,
        String url,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public PullRequestSnapshot {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        reviewers = List.copyOf(reviewers);
    }
}
