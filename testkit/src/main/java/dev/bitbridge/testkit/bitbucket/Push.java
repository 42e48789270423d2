package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code git push} that may update several refs at once, as Bitbucket reports it in a single event: build it with
 * {@link BitbucketSimulator#newPush(RepoRef, Account)}, then {@link #send()}.
 */
public final class Push {

    /** One ref update of the push; {@code commits} empty for a new ref at an existing commit. */
    record RefUpdate(String type, String name, List<NewCommit> commits, String from, boolean delete) {
    }

    private final ScenarioEngine engine;
    private final RepoRef repo;
    private final Account actor;
    private final List<RefUpdate> updates = new ArrayList<>();

    Push(ScenarioEngine engine, RepoRef repo, Account actor) {
        this.engine = engine;
        this.repo = repo;
        this.actor = actor;
    }

    /** Adds commits to a branch, creating it from the main branch's head when it does not exist. */
    public Push branch(String name, NewCommit... commits) {
        updates.add(new RefUpdate("branch", name, List.of(commits), null, false));
        return this;
    }

    /** Creates a branch at the head of another branch (or a commit), without new commits. */
    public Push newBranch(String name, String from) {
        updates.add(new RefUpdate("branch", name, List.of(), from, false));
        return this;
    }

    /** Creates a lightweight tag at a branch head or commit. */
    public Push tag(String name, String target) {
        updates.add(new RefUpdate("tag", name, List.of(), target, false));
        return this;
    }

    /** Deletes a branch. */
    public Push deleteBranch(String name) {
        updates.add(new RefUpdate("branch", name, List.of(), null, true));
        return this;
    }

    /**
     * Applies the push and delivers the one push event ({@code repo:push} / {@code repo:refs_changed}), then the
     * pull-request events of pull requests whose source branch moved.
     *
     * @return each updated ref's new head ({@code null} when deleted), by ref name
     */
    public Map<String, String> send() {
        return engine.push(repo, actor, updates);
    }
}
