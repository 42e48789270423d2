package dev.bitbridge.analyzer.decide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bitbridge.analyzer.rules.CompiledRule;
import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.analyzer.text.TriggerTag;
import dev.bitbridge.analyzer.text.TriggerTags;
import dev.bitbridge.analyzer.text.Triggers;
import dev.bitbridge.events.analysis.BranchRule;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.RefChangeEvent;

/**
 * What one ref change builds.
 * <ul>
 * <li>A branch created or updated: the trigger tags of the commits it brought, and the {@code push} rules matching
 * the branch. Every job asked for is built once, at the branch's new head, listing the commits that asked. When the
 * head commit says {@code [skip ci]}, the push builds nothing; another commit's suppression silences only that
 * commit's tags.</li>
 * <li>A tag created: the {@code tag-created} rules matching its name and the tags in an annotated tag's message,
 * built at the tag as builds of their own ({@link BuildRequestIds#tag}).</li>
 * <li>A ref deleted, a tag moved: nothing.</li>
 * </ul>
 */
public final class PushDecider {

    private final RequestFactory requests;

    public PushDecider(RequestFactory requests) {
        this.requests = requests;
    }

    public List<dev.bitbridge.events.build.BuildRequest> decide(RefChangeEvent ref, EffectiveSettings settings) {
        if (ref.newHash() == null || RefChangeEvent.DELETED.equals(ref.change())) {
            return List.of();
        }
        if (RefChangeEvent.BRANCH.equals(ref.refType())) {
            return branch(ref, settings);
        }
        if (RefChangeEvent.CREATED.equals(ref.change())) {
            return tag(ref, settings);
        }
        return List.of();
    }

    private List<dev.bitbridge.events.build.BuildRequest> branch(RefChangeEvent ref, EffectiveSettings settings) {
        Map<String, Triggers> triggers = new LinkedHashMap<>();
        for (CommitMessage message : messages(ref)) {
            triggers.put(message.hash(), TriggerTags.in(message.message()));
        }
        if (triggers.getOrDefault(ref.newHash(), Triggers.NONE).skip()) {
            return List.of();
        }
        List<CompiledRule> rules = matching(settings, BranchRule.PUSH, ref.ref());
        BuildPlan plan = new BuildPlan();
        JobChoice.always(plan, rules, settings, null, ref.newHash());
        List<Map.Entry<String, Triggers>> oldestFirst = new ArrayList<>(triggers.entrySet());
        java.util.Collections.reverse(oldestFirst);
        for (Map.Entry<String, Triggers> commit : oldestFirst) {
            for (TriggerTag tag : commit.getValue().tags()) {
                JobChoice.tag(plan, tag, commit.getKey(), rules, settings, null);
            }
        }
        return requests.forPush(ref, plan, settings, BuildRequestIds.COMMIT);
    }

    private List<dev.bitbridge.events.build.BuildRequest> tag(RefChangeEvent ref, EffectiveSettings settings) {
        Triggers inMessage = TriggerTags.in(ref.tagMessage());
        if (inMessage.skip()) {
            return List.of();
        }
        List<CompiledRule> rules = matching(settings, BranchRule.TAG_CREATED, ref.ref());
        BuildPlan plan = new BuildPlan();
        JobChoice.always(plan, rules, settings, null, ref.newHash());
        for (TriggerTag tag : inMessage.tags()) {
            JobChoice.tag(plan, tag, null, rules, settings, null);
        }
        return requests.forPush(ref, plan, settings, BuildRequestIds.tag(ref.ref()));
    }

    private static List<CommitMessage> messages(RefChangeEvent ref) {
        return ref.newCommitMessages() == null ? List.of() : ref.newCommitMessages();
    }

    private static List<CompiledRule> matching(EffectiveSettings settings, String event, String name) {
        return settings.rules().stream().filter(rule -> rule.matches(event, name, null)).toList();
    }
}
