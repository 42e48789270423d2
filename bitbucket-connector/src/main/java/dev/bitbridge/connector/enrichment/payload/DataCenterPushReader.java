package dev.bitbridge.connector.enrichment.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.bitbridge.connector.enrichment.payload.RefMove.Change;
import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;
import dev.bitbridge.connector.enrichment.payload.RefMove.RefType;
import dev.bitbridge.events.scm.Repository;

/**
 * Reads Data Center's {@code repo:refs_changed}: one {@link RefMove} per {@code changes[]} entry. The all-zero hash
 * stands for "no commit". Classic payloads list no commits ({@link Listing#NONE}); 9.x/10+ payloads list them per push
 * in {@code commits[]}, given to the refs by {@link PushCommits}. {@code toCommit} repeats the newest listed commit and
 * is not read.
 */
final class DataCenterPushReader {

    static final String ZERO_HASH = "0000000000000000000000000000000000000000";
    private static final String HEADS = "refs/heads/";
    private static final String TAGS = "refs/tags/";

    private DataCenterPushReader() {
    }

    static PushNotice read(PathNode body) {
        Repository repository = DataCenterParts.repository(body.get("repository"));
        List<PathNode> changes = body.get("changes").requireItems();
        PathNode listed = body.get("commits");
        PushCommits commits = listed.present()
                ? new PushCommits(listed.requireItems().stream().map(DataCenterParts::commit).toList())
                : null;
        List<RefMove> moves = new ArrayList<>(changes.size());
        for (PathNode change : changes) {
            moves.add(move(change.requireObject(), commits));
        }
        return new PushNotice(repository, DataCenterParts.account(body.get("actor")), Dates.read(body.get("date")),
                moves, commits == null ? List.of() : commits.unattached());
    }

    private static RefMove move(PathNode change, PushCommits listed) {
        String oldHash = hash(change.get("fromHash"));
        String newHash = hash(change.get("toHash"));
        Change kind = change(change.get("type"), oldHash, newHash);
        if (kind != Change.CREATED && oldHash == null) {
            throw ReadFailure.missing(change.get("fromHash").path());
        }
        if (kind != Change.DELETED && newHash == null) {
            throw ReadFailure.missing(change.get("toHash").path());
        }
        PathNode ref = change.get("ref");
        ref.isObject(); // fails when present but not an object
        String id = ref.get("id").nonBlank();
        if (id == null) {
            id = change.get("refId").nonBlank();
        }
        RefType refType = refType(ref.get("type"), id);
        String name = shortName(id, refType);
        if (name == null) {
            name = ref.get("displayId").nonBlank();
        }
        if (name == null) {
            throw ReadFailure.missing(ref.get("id").path());
        }

        if (kind == Change.DELETED) {
            return new RefMove(name, refType, kind, false, oldHash, null, List.of(), Listing.COMPLETE, null);
        }
        String before = kind == Change.CREATED ? null : oldHash;
        if (listed == null) {
            return new RefMove(name, refType, kind, kind == Change.CREATED ? false : null, before, newHash, List.of(),
                    Listing.NONE, null);
        }
        PushCommits.Attached attached = listed.attach(before, newHash);
        Boolean forced = kind == Change.CREATED || attached.reachesOldHead() ? Boolean.FALSE : null;
        return new RefMove(name, refType, kind, forced, before, newHash, attached.commits(), attached.listing(), null);
    }

    /** @return the hash, or null when absent, empty or all zeros */
    static String hash(PathNode at) {
        String hash = at.nonBlank();
        return hash == null || hash.chars().allMatch(c -> c == '0') ? null : hash;
    }

    /** {@code ADD}, {@code UPDATE} or {@code DELETE}; when absent, what the zero hashes say. */
    private static Change change(PathNode type, String oldHash, String newHash) {
        String value = type.nonBlank();
        if (value == null) {
            return oldHash == null ? Change.CREATED : newHash == null ? Change.DELETED : Change.UPDATED;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "ADD" -> Change.CREATED;
            case "UPDATE" -> Change.UPDATED;
            case "DELETE" -> Change.DELETED;
            default -> throw ReadFailure.invalid(type.path(), "expected ADD, UPDATE or DELETE");
        };
    }

    /** {@code ref.type} ({@code BRANCH} or {@code TAG}); when absent, what the full ref name says. */
    private static RefType refType(PathNode type, String id) {
        String value = type.nonBlank();
        if (value == null) {
            if (id != null && id.startsWith(HEADS)) {
                return RefType.BRANCH;
            }
            if (id != null && id.startsWith(TAGS)) {
                return RefType.TAG;
            }
            throw ReadFailure.missing(type.path());
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "BRANCH" -> RefType.BRANCH;
            case "TAG" -> RefType.TAG;
            default -> throw ReadFailure.invalid(type.path(), "expected BRANCH or TAG");
        };
    }

    /** @return the name without its one {@code refs/heads/} or {@code refs/tags/} prefix; null when it has neither */
    static String shortName(String id, RefType refType) {
        if (id == null) {
            return null;
        }
        if (id.startsWith(refType.prefix()) && id.length() > refType.prefix().length()) {
            return id.substring(refType.prefix().length());
        }
        return null;
    }
}
