package dev.bitbridge.analyzer.decide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.analyzer.text.TaskKey;
import dev.bitbridge.analyzer.text.TaskKeys;
import dev.bitbridge.events.analysis.TaskLinkEvent;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;

/**
 * The task links an event gives: a new commit's message; a new branch's name; an opened or updated pull request's
 * title, description and source branch. A key found in several places of one pull request is linked where it first
 * appears (title, then description, then branch). A commit's follow-up record with its files
 * ({@code dev.bitbridge.commit.files}) links nothing again.
 */
public final class TaskLinker {

    public List<TaskLinkEvent> forCommit(CommitEvent commit, String type, EffectiveSettings settings) {
        if (!CommitEvent.TYPE_NEW.equals(type)) {
            return List.of();
        }
        List<TaskLinkEvent> links = new ArrayList<>();
        for (TaskKey key : new TaskKeys(settings.projectKeys()).inText(commit.message())) {
            links.add(new TaskLinkEvent(key.key(), key.project(), settings.linkFor(key.key()), commit.integration(),
                    commit.flavor(), commit.repository(), commit.hash(), null, null, TaskLinkEvent.COMMIT_MESSAGE,
                    key.offset(), key.line(), commit.author(), commit.authorDate(), commit.origin()));
        }
        return links;
    }

    public List<TaskLinkEvent> forRef(RefChangeEvent ref, EffectiveSettings settings) {
        if (!RefChangeEvent.BRANCH.equals(ref.refType()) || !RefChangeEvent.CREATED.equals(ref.change())) {
            return List.of();
        }
        List<TaskLinkEvent> links = new ArrayList<>();
        Person pusher = ref.actor() == null ? null : new Person(null, ref.actor().displayName(), null, ref.actor());
        for (TaskKey key : new TaskKeys(settings.projectKeys()).inBranch(ref.ref())) {
            links.add(new TaskLinkEvent(key.key(), key.project(), settings.linkFor(key.key()), ref.integration(),
                    ref.flavor(), ref.repository(), ref.newHash(), null, ref.ref(), TaskLinkEvent.BRANCH_NAME,
                    key.offset(), key.line(), pusher, ref.pushedAt(), ref.origin()));
        }
        return links;
    }

    public List<TaskLinkEvent> forPullRequest(PullRequestEvent pr, EffectiveSettings settings) {
        if (!"opened".equals(pr.action()) && !"updated".equals(pr.action())) {
            return List.of();
        }
        TaskKeys keys = new TaskKeys(settings.projectKeys());
        Person author = pr.author() == null ? null : new Person(null, pr.author().displayName(), null, pr.author());
        String head = pr.source() == null ? null : pr.source().commit();
        String branch = pr.source() == null ? null : pr.source().branch();
        Set<String> linked = new HashSet<>();
        List<TaskLinkEvent> links = new ArrayList<>();
        add(links, linked, keys.inText(pr.title()), TaskLinkEvent.PULL_REQUEST_TITLE, pr, author, head, branch,
                settings);
        add(links, linked, keys.inText(pr.description()), TaskLinkEvent.PULL_REQUEST_DESCRIPTION, pr, author, head,
                branch, settings);
        add(links, linked, branch == null ? List.of() : keys.inBranch(branch), TaskLinkEvent.BRANCH_NAME, pr, author,
                head, branch, settings);
        return links;
    }

    private static void add(List<TaskLinkEvent> links, Set<String> linked, List<TaskKey> keys, String foundIn,
            PullRequestEvent pr, Person author, String head, String branch, EffectiveSettings settings) {
        for (TaskKey key : keys) {
            if (linked.add(key.key())) {
                links.add(new TaskLinkEvent(key.key(), key.project(), settings.linkFor(key.key()), pr.integration(),
                        pr.flavor(), pr.repository(), head, pr.id(), branch, foundIn, key.offset(), key.line(), author,
                        pr.occurredAt(), pr.origin()));
            }
        }
    }
}
