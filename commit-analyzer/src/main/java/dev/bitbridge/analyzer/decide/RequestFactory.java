package dev.bitbridge.analyzer.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.analyzer.text.TaskKey;
import dev.bitbridge.analyzer.text.TaskKeys;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.PullRequestRef;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;

/** Turns a {@link BuildPlan} into build requests, with their ids, status keys, commits and task keys. */
public final class RequestFactory {

    List<BuildRequest> forPush(RefChangeEvent ref, BuildPlan plan, EffectiveSettings settings, String kind) {
        boolean tag = RefChangeEvent.TAG.equals(ref.refType());
        TaskKeys keys = new TaskKeys(settings.projectKeys());
        Set<String> taskKeys = new LinkedHashSet<>();
        if (!tag) {
            keys.inBranch(ref.ref()).forEach(key -> taskKeys.add(key.key()));
        }
        List<CommitMessage> messages = ref.newCommitMessages() == null ? List.of() : ref.newCommitMessages();
        for (CommitMessage message : messages) {
            keys.inText(message.message()).forEach(key -> taskKeys.add(key.key()));
        }
        List<String> order = ref.newCommits() == null ? List.of() : ref.newCommits();
        List<BuildRequest> requests = new ArrayList<>();
        for (BuildPlan.Entry entry : plan.entries()) {
            requests.add(new BuildRequest(
                    BuildRequestIds.of(ref.integration(), ref.repository().fullName(), ref.newHash(), entry.job(),
                            kind),
                    ref.integration(), ref.flavor(), ref.repository(), ref.newHash(), tag ? null : ref.ref(),
                    tag ? ref.ref() : null, entry.job(), tag ? BuildRequest.TAG : BuildRequest.PUSH,
                    List.copyOf(entry.triggers), commits(ref.newHash(), entry.commits, order),
                    List.copyOf(taskKeys), null, StatusKeys.of(entry.job(), null), ref.actor(), null, ref.pushedAt(),
                    ref.origin(), kind));
        }
        return requests;
    }

    List<BuildRequest> forPullRequest(PullRequestEvent pr, BuildPlan plan, EffectiveSettings settings) {
        TaskKeys keys = new TaskKeys(settings.projectKeys());
        Set<String> taskKeys = new LinkedHashSet<>();
        keys.inText(pr.title()).forEach(key -> taskKeys.add(key.key()));
        keys.inText(pr.description()).forEach(key -> taskKeys.add(key.key()));
        keys.inBranch(pr.source().branch()).stream().map(TaskKey::key).forEach(taskKeys::add);
        String head = pr.source().commit();
        PullRequestRef ref = new PullRequestRef(pr.id(), pr.source().branch(), pr.destination().branch(), pr.url());
        List<BuildRequest> requests = new ArrayList<>();
        for (BuildPlan.Entry entry : plan.entries()) {
            Long separate = entry.separatePullRequest();
            String kind = separate == null ? BuildRequestIds.COMMIT : BuildRequestIds.pullRequest(separate);
            requests.add(new BuildRequest(
                    BuildRequestIds.of(pr.integration(), pr.repository().fullName(), head, entry.job(), kind),
                    pr.integration(), pr.flavor(), pr.repository(), head, pr.source().branch(), null, entry.job(),
                    BuildRequest.PULL_REQUEST, List.copyOf(entry.triggers), List.of(head), List.copyOf(taskKeys), ref,
                    StatusKeys.of(entry.job(), separate), pr.actor() != null ? pr.actor() : pr.author(), null,
                    pr.occurredAt(), pr.origin(), kind));
        }
        return requests;
    }

    /** @return the head, then the other commits that asked, newest first as the ref change lists them */
    private static List<String> commits(String head, Set<String> asked, List<String> newestFirst) {
        List<String> others = new ArrayList<>(asked);
        others.remove(head);
        others.sort(Comparator.comparingInt(hash -> {
            int index = newestFirst.indexOf(hash);
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        List<String> commits = new ArrayList<>();
        commits.add(head);
        commits.addAll(others);
        return commits;
    }
}
