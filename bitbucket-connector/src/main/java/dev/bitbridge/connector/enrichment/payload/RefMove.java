package dev.bitbridge.connector.enrichment.payload;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One ref a push moved, with the commits the payload listed for it.
 *
 * @param ref the short name: {@code feature/GAME-12} or {@code v1.2.0}, never {@code refs/heads/…}; slashes and
 *        non-ASCII letters as given
 * @param refType branch or tag
 * @param change created, updated or deleted
 * @param forced whether the update was not a fast-forward: Cloud says so; Data Center does not, so there it is
 *        {@code false} for a creation or deletion, {@code false} for an update when the listed commits lead from the
 *        new head back to the old one, and {@code null} (unknown) otherwise
 * @param oldHash the commit the ref pointed at before; null when created (Data Center's all-zero hash included)
 * @param newHash what the ref points at now; null when deleted. For a Data Center annotated tag this is the tag
 *        object's id, not the commit's
 * @param commits the commits the payload listed for this ref, as listed (newest first); empty when it listed none
 * @param listing whether {@link #commits()} is all the ref gained: see {@link Listing}
 * @param tagMessage an annotated tag's message when the payload gives it (Cloud's {@code new.message}); null otherwise
 */
public record RefMove(
        String ref,
        RefType refType,
        Change change,
        Boolean forced,
        String oldHash,
        String newHash,
        List<ListedCommit> commits,
        Listing listing,
        String tagMessage) {

    public RefMove {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(refType, "refType");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(listing, "listing");
        commits = List.copyOf(commits);
    }

    /** @return the full ref name, e.g. {@code refs/heads/main} or {@code refs/tags/v1.0} */
    public String fullRef() {
        return refType.prefix() + ref;
    }

    /** Branch or tag. {@link #id()} is {@code RefChangeEvent}'s {@code refType}. */
    public enum RefType {
        BRANCH("refs/heads/"),
        TAG("refs/tags/");

        private final String prefix;

        RefType(String prefix) {
            this.prefix = prefix;
        }

        /** @return {@code branch} or {@code tag} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return {@code refs/heads/} or {@code refs/tags/} */
        public String prefix() {
            return prefix;
        }
    }

    /** What happened to the ref. {@link #id()} is {@code RefChangeEvent}'s {@code change}. */
    public enum Change {
        CREATED,
        UPDATED,
        DELETED;

        /** @return {@code created}, {@code updated} or {@code deleted} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How far the listed commits can be trusted to be everything the ref gained. */
    public enum Listing {
        /**
         * Everything: Cloud said {@code truncated: false}; on Data Center the listed commits lead from the new head back
         * to the old one (or to root commits) with no parent missing. A deletion is always complete (and empty).
         */
        COMPLETE,
        /**
         * Possibly a part: Cloud said {@code truncated: true} (or did not say), or Data Center's list cannot be proven
         * whole. The rest must be fetched.
         */
        INCOMPLETE,
        /** The payload lists no commits for this ref (classic Data Center, Cloud for tags): all must be fetched. */
        NONE
    }
}
