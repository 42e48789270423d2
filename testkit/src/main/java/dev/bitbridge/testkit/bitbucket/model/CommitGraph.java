package dev.bitbridge.testkit.bitbucket.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/** Walks commit history the way git does, over whatever commits a lookup finds (one repository, or a fork and its origin). */
public final class CommitGraph {

    private final Function<String, Commit> lookup;

    /** @param lookup finds a commit by full hash, {@code null} when unknown */
    public CommitGraph(Function<String, Commit> lookup) {
        this.lookup = lookup;
    }

    /**
     * What {@code git log --date-order include... --not exclude...} lists: the commits reachable from {@code include}
     * but from none of {@code exclude}, children before their parents and otherwise newest committer date first.
     */
    public List<Commit> log(Collection<String> include, Collection<String> exclude) {
        Set<String> hidden = reachable(exclude);
        Map<String, Commit> shown = new HashMap<>();
        for (String hash : reachable(include)) {
            if (!hidden.contains(hash)) {
                shown.put(hash, lookup.apply(hash));
            }
        }
        Map<String, Integer> children = new HashMap<>();
        for (Commit c : shown.values()) {
            for (String p : c.parents()) {
                if (shown.containsKey(p)) {
                    children.merge(p, 1, Integer::sum);
                }
            }
        }
        PriorityQueue<Commit> ready = new PriorityQueue<>(Comparator.comparing(Commit::committed,
                Comparator.comparing(java.time.OffsetDateTime::toInstant)).reversed()
                .thenComparing(Commit::hash));
        shown.values().stream().filter(c -> !children.containsKey(c.hash())).forEach(ready::add);
        List<Commit> out = new ArrayList<>(shown.size());
        while (!ready.isEmpty()) {
            Commit c = ready.poll();
            out.add(c);
            for (String p : c.parents()) {
                if (shown.containsKey(p) && children.merge(p, -1, Integer::sum) == 0) {
                    ready.add(shown.get(p));
                }
            }
        }
        return out;
    }

    /** @return whether {@code ancestor} is {@code descendant} or one of its ancestors */
    public boolean isAncestor(String ancestor, String descendant) {
        return reachable(List.of(descendant)).contains(ancestor);
    }

    /** @return the newest common ancestor of two commits (git's merge base), or {@code null} when unrelated */
    public String mergeBase(String a, String b) {
        Set<String> ofA = reachable(List.of(a));
        for (Commit c : log(List.of(b), List.of())) {
            if (ofA.contains(c.hash())) {
                return c.hash();
            }
        }
        return null;
    }

    /** @return every commit reachable from the tips, tips included */
    public Set<String> reachable(Collection<String> tips) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        tips.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        while (!todo.isEmpty()) {
            String hash = todo.pop();
            if (seen.contains(hash)) {
                continue;
            }
            Commit commit = lookup.apply(hash);
            if (commit != null) {
                seen.add(hash);
                todo.addAll(commit.parents());
            }
        }
        return seen;
    }
}
