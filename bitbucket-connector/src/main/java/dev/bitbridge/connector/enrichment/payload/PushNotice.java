package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Repository;

/**
 * A push ({@code repo:push} on Cloud, {@code repo:refs_changed} on Data Center): every ref it moved, in the order the
 * payload listed them. A push may move no ref at all (Cloud sends {@code changes: []} for a tag created in its web
 * UI).
 *
 * @param repository the repository pushed to
 * @param actor who pushed; null when the payload does not say
 * @param occurredAt when Bitbucket says the push happened (Data Center's {@code date}); null on Cloud, which does not say
 * @param moves the refs moved, in payload order
 * @param unattachedCommits Data Center 10+ lists commits per push, not per ref: the listed commits that lead to no
 *        moved ref's new head (see {@link RefMove#commits()}); empty on Cloud and classic Data Center
 */
public record PushNotice(
        Repository repository,
        Account actor,
        OffsetDateTime occurredAt,
        List<RefMove> moves,
        List<ListedCommit> unattachedCommits) implements Notice {

    public PushNotice {
        Objects.requireNonNull(repository, "repository");
        moves = List.copyOf(moves);
        unattachedCommits = List.copyOf(unattachedCommits);
    }
}
