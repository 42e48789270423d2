package dev.bitbridge.testkit.bitbucket.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bitbridge.testkit.bitbucket.RepoRef;

/** A repository: refs, commits, pull requests, hooks and build statuses. Guarded by the {@link Model}'s lock. */
public final class Repo {

    private final Owner owner;
    private final String slug;
    private final String uuid;
    private final long id;
    private final Repo forkOf;
    private final Map<String, String> branches = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Commit> commits;
    private final List<PullRequest> pullRequests = new ArrayList<>();
    private final List<Hook> hooks = new ArrayList<>();
    private final List<BuildStatus> statuses = new ArrayList<>();
    private String mainBranch = "main";

    Repo(Owner owner, String slug, String uuid, long id, Repo forkOf) {
        this.owner = owner;
        this.slug = slug;
        this.uuid = uuid;
        this.id = id;
        this.forkOf = forkOf;
        // A fork starts with its parent's history, as a git clone does.
        this.commits = forkOf == null ? new HashMap<>() : new HashMap<>(forkOf.commits);
        if (forkOf != null) {
            branches.putAll(forkOf.branches);
            mainBranch = forkOf.mainBranch;
        }
    }

    public Owner owner() {
        return owner;
    }

    public String slug() {
        return slug;
    }

    /** @return the name shown in the UI, the slug here */
    public String name() {
        return slug;
    }

    public String uuid() {
        return uuid;
    }

    public long id() {
        return id;
    }

    /** @return the repository this one was forked from, or {@code null} */
    public Repo forkOf() {
        return forkOf;
    }

    public RepoRef ref() {
        return new RepoRef(owner.key(), slug);
    }

    public String fullName() {
        return owner.key() + "/" + slug;
    }

    public String mainBranch() {
        return mainBranch;
    }

    public void mainBranch(String branch) {
        mainBranch = branch;
    }

    /** @return branch name to head hash, in creation order */
    public Map<String, String> branches() {
        return branches;
    }

    /** @return the head of a branch, or {@code null} */
    public String branch(String name) {
        return branches.get(name);
    }

    /** @return tag name to commit hash */
    public Map<String, String> tags() {
        return tags;
    }

    public Commit commit(String hash) {
        return commits.get(hash);
    }

    void add(Commit commit) {
        commits.put(commit.hash(), commit);
    }

    public List<PullRequest> pullRequests() {
        return pullRequests;
    }

    public List<Hook> hooks() {
        return hooks;
    }

    public Hook hook(String id) {
        return hooks.stream().filter(h -> h.id.equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    public List<BuildStatus> statuses() {
        return statuses;
    }

    /**
     * What {@code git log include --not exclude} lists: commits reachable from {@code include} but not from any of
     * {@code exclude}, newest first.
     */
    public List<Commit> log(List<String> include, List<String> exclude) {
        Set<String> hidden = reachable(exclude);
        List<Commit> out = new ArrayList<>();
        for (String hash : reachableOrdered(include)) {
            if (!hidden.contains(hash)) {
                out.add(commits.get(hash));
            }
        }
        out.sort((a, b) -> b.date().compareTo(a.date()));
        return out;
    }

    /** @return the commit a branch, tag or hash (or its prefix) names, or {@code null} */
    public String resolve(String spec) {
        if (spec == null) {
            return null;
        }
        String name = spec.startsWith("refs/heads/") ? spec.substring(11)
                : spec.startsWith("refs/tags/") ? spec.substring(10) : spec;
        if (branches.containsKey(name)) {
            return branches.get(name);
        }
        if (tags.containsKey(name)) {
            return tags.get(name);
        }
        if (name.length() >= 7) {
            for (String hash : commits.keySet()) {
                if (hash.startsWith(name)) {
                    return hash;
                }
            }
        }
        return null;
    }

    private Set<String> reachable(List<String> tips) {
        return new HashSet<>(reachableOrdered(tips));
    }

    private List<String> reachableOrdered(List<String> tips) {
        List<String> seen = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<String> unvisited = new ArrayDeque<>(tips);
        while (!unvisited.isEmpty()) {
            String hash = unvisited.pop();
            Commit commit = commits.get(hash);
            if (commit != null && visited.add(hash)) {
                seen.add(hash);
                unvisited.addAll(commit.parents());
            }
        }
        return seen;
    }
}
