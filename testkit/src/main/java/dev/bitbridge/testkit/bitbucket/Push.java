package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code git push} that may update several refs at once, as Bitbucket reports it in a single event: build it with
 * {@link BitbucketSimulator#newPush(RepoRef, Account)}, then {@link #send()}.
 *
 * <pre>{@code
 * bb.newPush(repo, jane)
 *         .branch("main", NewCommit.by(jane, "fix")) // update
 *         .newBranch("release/1.x", "main") // create at an existing commit: no new commit
 *         .annotatedTag("v1.0", "main", jane, "Release 1.0") // tag create
 *         .forceBranch("feature/x", "main~", NewCommit.by(jane, "redo")) // forced update
 *         .deleteBranch("old") // delete
 *         .send();
 * }</pre>
 */
public final class Push {

    /**
     * One ref update of the push.
     *
     * @param type {@code branch} or {@code tag}
     * @param name the ref's short name
     * @param from what to build on: a ref or hash; {@code null} for the ref's head (or the main branch's for a new
     *        branch)
     * @param commits new commits on top of {@code from}, oldest first
     * @param delete whether the ref is deleted
     * @param tagger for an annotated tag, who tags; else {@code null}
     * @param tagMessage for an annotated tag, its message
     */
    record RefUpdate(String type, String name, String from, List<NewCommit> commits, boolean delete, Account tagger,
            String tagMessage) {
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
        return add(new RefUpdate("branch", name, null, List.of(commits), false, null, null));
    }

    /**
     * Points a branch at an existing commit without new commits (an empty push): creates it, or moves an existing
     * one (forced unless the move is a fast-forward).
     *
     * @param from a branch, tag or commit hash
     */
    public Push newBranch(String name, String from) {
        return add(new RefUpdate("branch", name, Objects.requireNonNull(from, "from"), List.of(), false, null,
                null));
    }

    /**
     * Rewrites a branch as {@code git push --force} does: it becomes {@code onto} plus the new commits, dropping
     * whatever it had that {@code onto} has not.
     *
     * @param onto a branch, tag or commit hash (e.g. an ancestor of the branch's head)
     */
    public Push forceBranch(String name, String onto, NewCommit... commits) {
        return add(new RefUpdate("branch", name, Objects.requireNonNull(onto, "onto"), List.of(commits), false,
                null, null));
    }

    /** Creates (or moves) a lightweight tag at a branch head or commit. */
    public Push tag(String name, String target) {
        return add(new RefUpdate("tag", name, Objects.requireNonNull(target, "target"), List.of(), false, null,
                null));
    }

    /** Creates (or moves) an annotated tag: a tag object with a tagger and a message, pointing at the commit. */
    public Push annotatedTag(String name, String target, Account tagger, String message) {
        return add(new RefUpdate("tag", name, Objects.requireNonNull(target, "target"), List.of(), false,
                Objects.requireNonNull(tagger, "tagger"), Objects.requireNonNull(message, "message")));
    }

    /** Deletes a branch. */
    public Push deleteBranch(String name) {
        return add(new RefUpdate("branch", name, null, List.of(), true, null, null));
    }

    /** Deletes a tag. */
    public Push deleteTag(String name) {
        return add(new RefUpdate("tag", name, null, List.of(), true, null, null));
    }

    /**
     * Applies the push and delivers the one push event ({@code repo:push} / {@code repo:refs_changed}), then the
     * pull-request events of pull requests whose source branch moved.
     *
     * @return each updated ref's new head ({@code null} when deleted), by ref name
     * @throws IllegalArgumentException when a ref or commit named does not exist, or a declared file change does not
     *         fit; nothing is delivered then, but refs updated before the failing one stay updated
     */
    public Map<String, String> send() {
        return engine.push(repo, actor, updates);
    }

    private Push add(RefUpdate update) {
        Objects.requireNonNull(update.name(), "name");
        updates.add(update);
        return this;
    }
}
