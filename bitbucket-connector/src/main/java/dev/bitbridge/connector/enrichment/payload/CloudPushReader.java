package dev.bitbridge.connector.enrichment.payload;

import java.util.List;
import java.util.Locale;

import dev.bitbridge.connector.enrichment.payload.RefMove.Change;
import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;
import dev.bitbridge.connector.enrichment.payload.RefMove.RefType;

/**
 * Reads Cloud's {@code repo:push}: one {@link RefMove} per {@code push.changes[]} entry. {@code old: null} is a
 * creation, {@code new: null} a deletion. The listed commits are complete only when Cloud says {@code truncated: false};
 * a change without {@code commits} (Cloud's tags) lists {@link Listing#NONE}.
 */
final class CloudPushReader {

    private CloudPushReader() {
    }

    static PushNotice read(PathNode body) {
        var repository = CloudParts.repository(body.get("repository"));
        List<RefMove> moves = body.get("push").requireObject().get("changes").requireItems().stream()
                .map(CloudPushReader::move)
                .toList();
        return new PushNotice(repository, CloudParts.account(body.get("actor")), null, moves, List.of());
    }

    private static RefMove move(PathNode change) {
        change.requireObject();
        PathNode before = change.get("old");
        PathNode after = change.get("new");
        boolean hasBefore = before.isObject();
        boolean hasAfter = after.isObject();
        if (!hasBefore && !hasAfter) {
            throw ReadFailure.missing(after.path());
        }
        Change kind = !hasBefore ? Change.CREATED : !hasAfter ? Change.DELETED : Change.UPDATED;
        PathNode ref = hasAfter ? after : before;
        RefType refType = refType(ref.get("type"));
        String oldHash = hasBefore ? before.get("target").requireObject().get("hash").requireText() : null;
        String newHash = hasAfter ? after.get("target").requireObject().get("hash").requireText() : null;
        String tagMessage = refType == RefType.TAG && hasAfter ? after.get("message").nonBlank() : null;

        List<ListedCommit> commits = List.of();
        Listing listing;
        if (kind == Change.DELETED) {
            listing = Listing.COMPLETE;
        } else if (!change.get("commits").present()) {
            listing = Listing.NONE;
        } else {
            commits = change.get("commits").requireItems().stream().map(CloudParts::commit).toList();
            listing = Boolean.FALSE.equals(change.get("truncated").bool()) ? Listing.COMPLETE : Listing.INCOMPLETE;
        }
        return new RefMove(ref.get("name").requireText(), refType, kind, change.get("forced").bool(), oldHash, newHash,
                commits, listing, tagMessage);
    }

    /** Cloud documents {@code branch}, {@code tag} and {@code annotated_tag} (it sends {@code tag} for both kinds). */
    private static RefType refType(PathNode type) {
        String value = type.requireText().trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "branch" -> RefType.BRANCH;
            case "tag", "annotated_tag" -> RefType.TAG;
            default -> throw ReadFailure.invalid(type.path(), "expected branch, tag or annotated_tag");
        };
    }
}
