package dev.bitbridge.testkit.bitbucket.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<String, AnnotatedTag> annotatedTags = new LinkedHashMap<>();
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
     * {@code exclude}, newest first (children before parents).
     */
    public List<Commit> log(List<String> include, List<String> exclude) {
        return graph().log(include, exclude);
    }

    /** @return the history walker over this repository's commits */
    public CommitGraph graph() {
        return new CommitGraph(commits::get);
    }

    /** @return annotated tags by name (their names are also in {@link #tags()}, pointing at the commit) */
    public Map<String, AnnotatedTag> annotatedTags() {
        return annotatedTags;
    }

    /** Copies the commits reachable from {@code tip} in another repository into this one, as a fetch does. */
    public void fetch(Repo from, String tip) {
        for (String hash : from.graph().reachable(List.of(tip))) {
            commits.putIfAbsent(hash, from.commit(hash));
        }
    }

    /**
     * @return the commit a scenario names: what {@link #resolve(String)} accepts, optionally followed by {@code ~n}
     *         ({@code n} first parents back, 1 when omitted), or {@code null}; the REST APIs take no such suffix
     */
    public String resolveScenario(String spec) {
        java.util.regex.Matcher ancestry = java.util.regex.Pattern.compile("(.+)~(\\d*)").matcher(spec);
        if (!ancestry.matches()) {
            return resolve(spec);
        }
        String hash = resolve(ancestry.group(1));
        int steps = ancestry.group(2).isEmpty() ? 1 : Integer.parseInt(ancestry.group(2));
        for (int i = 0; i < steps && hash != null; i++) {
            hash = commits.get(hash).firstParent();
        }
        return hash;
    }

    /** @return the commit a branch, tag, annotated tag object or hash (or its prefix of 7 or more) names, or {@code null} */
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
        for (AnnotatedTag tag : annotatedTags.values()) {
            if (tag.hash().equals(name)) {
                return tag.target();
            }
        }
        if (name.length() >= 7 && name.matches("[0-9a-f]+")) {
            if (commits.containsKey(name)) {
                return name;
            }
            for (String hash : commits.keySet()) {
                if (hash.startsWith(name)) {
                    return hash;
                }
            }
        }
        return null;
    }
}
