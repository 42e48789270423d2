package dev.bitbridge.connector.enrichment.push;

import java.util.List;

import dev.bitbridge.connector.enrichment.payload.PushNotice;
import dev.bitbridge.connector.enrichment.payload.RefMove;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.Repository;

/**
 * What a push webhook says: the repository, who pushed, and every ref it moved, in the webhook's order.
 *
 * @param repository the repository
 * @param actor who pushed, when said
 * @param updates the refs moved
 */
public record PushFacts(Repository repository, Account actor, List<RefUpdate> updates) {

    public PushFacts {
        updates = List.copyOf(updates);
    }

    /** @return what the webhook reader found, in the enricher's terms */
    public static PushFacts of(PushNotice notice) {
        return new PushFacts(notice.repository(), notice.actor(), notice.moves().stream().map(PushFacts::update)
                .toList());
    }

    private static RefUpdate update(RefMove move) {
        return new RefUpdate(move.ref(), move.refType().id(), move.change().id(), move.forced(), move.oldHash(),
                move.newHash(), move.commits(),
                move.listing() == RefMove.Listing.COMPLETE, move.tagMessage());
    }

}
