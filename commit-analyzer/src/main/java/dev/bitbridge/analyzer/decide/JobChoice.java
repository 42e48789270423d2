package dev.bitbridge.analyzer.decide;

import java.util.List;

import dev.bitbridge.analyzer.rules.CompiledRule;
import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.analyzer.text.TriggerTag;
import dev.bitbridge.events.build.BuildRequest.Trigger;

/**
 * Which jobs a rule or a tag asks for. A rule with no jobs builds the repository's default job. {@code #ci} and
 * {@code #build} build the jobs of the {@code tagged} rules that match the event, or the repository's default job
 * when none does; {@code #jenkins} the Jenkins target's default job; {@code #jenkins:Name} that job.
 */
final class JobChoice {

    private JobChoice() {
    }

    /**
     * @param rules the rules matching the event
     * @param settings the repository's settings
     * @param pullRequest the pull request's id for a pull-request event, else null
     */
    static void always(BuildPlan plan, List<CompiledRule> rules, EffectiveSettings settings, Long pullRequest,
            String head) {
        for (CompiledRule rule : rules) {
            if (rule.always()) {
                ruleJobs(plan, rule, settings, pullRequest, new Trigger(Trigger.RULE, rule.rule().id(), null), head);
            }
        }
    }

    /**
     * @param commit the commit whose message carried the tag, or null for a pull request's or tag's text
     */
    static void tag(BuildPlan plan, TriggerTag tag, String commit, List<CompiledRule> rules,
            EffectiveSettings settings, Long pullRequest) {
        Trigger trigger = new Trigger(Trigger.TAG, tag.written(), commit);
        switch (tag.kind()) {
            case NAMED_JOB -> plan.add(tag.job(), null, trigger, commit);
            case DEFAULT_JENKINS_JOB -> plan.add(null, null, trigger, commit);
            case DEFAULT_BUILD -> {
                List<CompiledRule> tagged = rules.stream().filter(rule -> !rule.always()).toList();
                if (tagged.isEmpty()) {
                    plan.add(settings.defaultJob(), null, trigger, commit);
                }
                for (CompiledRule rule : tagged) {
                    ruleJobs(plan, rule, settings, pullRequest, trigger, commit);
                }
            }
        }
    }

    private static void ruleJobs(BuildPlan plan, CompiledRule rule, EffectiveSettings settings, Long pullRequest,
            Trigger trigger, String commit) {
        Long separate = pullRequest != null && rule.rule().separatePullRequestBuilds() ? pullRequest : null;
        if (rule.rule().jobs().isEmpty()) {
            plan.add(settings.defaultJob(), separate, trigger, commit);
        }
        for (String job : rule.rule().jobs()) {
            plan.add(job, separate, trigger, commit);
        }
    }
}
