package dev.bitbridge.analyzer.decide;

import java.util.List;

import dev.bitbridge.analyzer.rules.CompiledRule;
import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.analyzer.text.TriggerTag;
import dev.bitbridge.analyzer.text.TriggerTags;
import dev.bitbridge.analyzer.text.Triggers;
import dev.bitbridge.events.analysis.BranchRule;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.scm.PullRequestEvent;

/**
 * What one pull-request transition builds: for {@code opened} and {@code updated}, the {@code pr-opened} or
 * {@code pr-updated} rules matching its source (and destination) branch, and the trigger tags in its title and
 * description, at the source head. Such a build is the same build as a push of that commit (one build, whichever
 * arrives first) unless the rule builds pull requests separately. {@code [skip ci]} in the title or description
 * builds nothing.
 * <p>
 * A pull request from a fork is not built: its code and its title come from someone outside the repository, and
 * building it would run their code with the repository's Jenkins credentials.
 */
public final class PullRequestDecider {

    private final RequestFactory requests;

    public PullRequestDecider(RequestFactory requests) {
        this.requests = requests;
    }

    public List<BuildRequest> decide(PullRequestEvent pr, EffectiveSettings settings) {
        String event = switch (pr.action()) {
            case "opened" -> BranchRule.PR_OPENED;
            case "updated" -> BranchRule.PR_UPDATED;
            default -> null;
        };
        if (event == null || pr.source() == null || pr.source().commit() == null || fromFork(pr)) {
            return List.of();
        }
        Triggers title = TriggerTags.in(pr.title());
        Triggers description = TriggerTags.in(pr.description());
        if (title.skip() || description.skip()) {
            return List.of();
        }
        String target = pr.destination() == null ? null : pr.destination().branch();
        List<CompiledRule> rules = settings.rules().stream()
                .filter(rule -> rule.matches(event, pr.source().branch(), target == null ? "" : target)).toList();
        BuildPlan plan = new BuildPlan();
        JobChoice.always(plan, rules, settings, pr.id(), pr.source().commit());
        for (Triggers text : List.of(title, description)) {
            for (TriggerTag tag : text.tags()) {
                JobChoice.tag(plan, tag, null, rules, settings, pr.id());
            }
        }
        return requests.forPullRequest(pr, plan, settings);
    }

    /** @return whether the source repository is not the destination (Bitbucket names both) */
    static boolean fromFork(PullRequestEvent pr) {
        return pr.source().repository() != null && pr.repository() != null
                && !pr.source().repository().fullName().equals(pr.repository().fullName());
    }
}
