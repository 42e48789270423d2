package dev.bitbridge.analyzer.rules;

import java.util.List;

import dev.bitbridge.events.analysis.BranchRule;

/** A {@link BranchRule} with its globs parsed, ready to match events. */
public record CompiledRule(BranchRule rule, List<BranchGlob> branches, List<BranchGlob> targetBranches) {

    /** @throws IllegalArgumentException when a glob is invalid (rules are validated before they are stored) */
    public static CompiledRule of(BranchRule rule) {
        return new CompiledRule(rule, rule.branches().stream().map(BranchGlob::of).toList(),
                rule.targetBranches().stream().map(BranchGlob::of).toList());
    }

    /**
     * @param event one of {@link BranchRule#EVENTS}
     * @param branch the pushed branch, the pull request's source branch, or the tag
     * @param target the pull request's destination branch; null for other events
     * @return whether the rule applies
     */
    public boolean matches(String event, String branch, String target) {
        if (!rule.events().contains(event) || branches.stream().noneMatch(glob -> glob.matches(branch))) {
            return false;
        }
        return target == null || targetBranches.isEmpty() || targetBranches.stream().anyMatch(g -> g.matches(target));
    }

    public boolean always() {
        return BranchRule.ALWAYS.equals(rule.trigger());
    }
}
