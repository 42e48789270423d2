package dev.bitbridge.connector.enrichment.payload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bitbridge.connector.enrichment.payload.RefMove.Listing;

/**
 * Data Center 9.x/10+ lists the commits of a push once for the whole push ({@code commits[]}, the most recent first, at
 * most 5 by default), not per ref. This gives each moved ref the listed commits its new head leads to: walking parents
 * from the new head through the listed commits, stopping at the old head. A commit that several refs lead to is given
 * to each.
 * <p>
 * The result is {@link Listing#COMPLETE} only when it is provably everything the ref gained: the new head is listed
 * and every parent of every commit reached is listed too or is the old head (or there are none: a root commit).
 * Otherwise it is {@link Listing#INCOMPLETE}. Reaching the old head also proves the update was a fast-forward.
 */
final class PushCommits {

    /**
     * @param commits the listed commits the ref's new head leads to, in payload order
     * @param listing whether that is provably all
     * @param reachesOldHead whether the walk reached the old head: the old head is an ancestor of the new one
     */
    record Attached(List<ListedCommit> commits, Listing listing, boolean reachesOldHead) {
    }

    private final Map<String, ListedCommit> byHash = new LinkedHashMap<>();
    private final Set<String> attached = new HashSet<>();

    PushCommits(List<ListedCommit> listed) {
        for (ListedCommit commit : listed) {
            byHash.putIfAbsent(commit.hash(), commit);
        }
    }

    /**
     * @param oldHash the ref's old head; null when created
     * @param newHash the ref's new head
     */
    Attached attach(String oldHash, String newHash) {
        Set<String> reached = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        toVisit.push(newHash);
        boolean reachesOldHead = false;
        boolean closed = true;
        while (!toVisit.isEmpty()) {
            String hash = toVisit.pop();
            if (hash.equals(oldHash)) {
                reachesOldHead = true;
            } else if (!reached.contains(hash)) {
                ListedCommit commit = byHash.get(hash);
                if (commit == null) {
                    closed = false;
                } else {
                    reached.add(hash);
                    commit.parents().forEach(toVisit::push);
                }
            }
        }
        attached.addAll(reached);
        List<ListedCommit> commits = byHash.values().stream().filter(c -> reached.contains(c.hash())).toList();
        return new Attached(commits, closed ? Listing.COMPLETE : Listing.INCOMPLETE, reachesOldHead);
    }

    /** @return the listed commits no ref's new head led to so far, in payload order */
    List<ListedCommit> unattached() {
        return byHash.values().stream().filter(c -> !attached.contains(c.hash())).toList();
    }
}
