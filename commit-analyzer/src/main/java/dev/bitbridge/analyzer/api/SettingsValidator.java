package dev.bitbridge.analyzer.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.bitbridge.analyzer.rules.BranchGlob;
import dev.bitbridge.api.ApiError.FieldProblem;
import dev.bitbridge.events.analysis.BranchRule;
import dev.bitbridge.events.build.JobPaths;

/**
 * Checks settings before they are stored, so that the analyzer never meets a rule it cannot apply: every problem,
 * with the field's path and what to do.
 */
final class SettingsValidator {

    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_RULES = 100;
    private static final Set<String> PULL_REQUEST_EVENTS = Set.of(BranchRule.PR_OPENED, BranchRule.PR_UPDATED);

    private SettingsValidator() {
    }

    /** @return every problem; empty when the settings can be stored */
    static List<FieldProblem> problems(SettingsRequest request, boolean repository) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.projectKeys() != null) {
            for (int i = 0; i < request.projectKeys().size(); i++) {
                String key = request.projectKeys().get(i);
                if (key == null || !PROJECT.matcher(key).matches()) {
                    problems.add(new FieldProblem("projectKeys[" + i + "]", "must be a Jira project key: an upper-case"
                            + " letter, then 1 to 9 upper-case letters, digits or '_' (e.g. 'GAME')"));
                }
            }
        }
        if (request.linkTemplate() != null) {
            linkTemplate(request.linkTemplate()).ifPresent(p -> problems.add(new FieldProblem("linkTemplate", p)));
        }
        if (request.defaultJob() != null) {
            JobPaths.problem(request.defaultJob()).ifPresent(p -> problems.add(new FieldProblem("defaultJob", p)));
        }
        List<BranchRule> rules = request.rules() == null ? List.of() : request.rules();
        if (!repository && !rules.isEmpty()) {
            problems.add(new FieldProblem("rules", "are set per repository: PUT them to"
                    + " /api/v1/integrations/{integration}/repositories/{owner}/{slug}/analysis-settings"));
            return problems;
        }
        if (rules.size() > MAX_RULES) {
            problems.add(new FieldProblem("rules", "has " + rules.size() + " rules; at most " + MAX_RULES));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            rule(rules.get(i), "rules[" + i + "]", ids, problems);
        }
        return problems;
    }

    private static void rule(BranchRule rule, String at, Set<String> ids, List<FieldProblem> problems) {
        if (rule == null) {
            problems.add(new FieldProblem(at, "is null: give a rule object"));
            return;
        }
        if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
            problems.add(new FieldProblem(at + ".id", "must be 1 to 64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit (e.g. 'main-builds')"));
        } else if (!ids.add(rule.id())) {
            problems.add(new FieldProblem(at + ".id", "'" + rule.id() + "' names another rule too: ids are unique"));
        }
        if (rule.events().isEmpty()) {
            problems.add(new FieldProblem(at + ".events", "is empty: give one or more of " + BranchRule.EVENTS));
        }
        for (int i = 0; i < rule.events().size(); i++) {
            if (!BranchRule.EVENTS.contains(rule.events().get(i))) {
                problems.add(new FieldProblem(at + ".events[" + i + "]", "must be one of " + BranchRule.EVENTS));
            }
        }
        if (rule.branches().isEmpty()) {
            problems.add(new FieldProblem(at + ".branches", "is empty: give branch names or patterns ('**' for"
                    + " every branch)"));
        }
        globs(rule.branches(), at + ".branches", problems);
        globs(rule.targetBranches(), at + ".targetBranches", problems);
        boolean pullRequests = rule.events().stream().anyMatch(PULL_REQUEST_EVENTS::contains);
        if (!rule.targetBranches().isEmpty() && !pullRequests) {
            problems.add(new FieldProblem(at + ".targetBranches", "only applies to pull-request events: add"
                    + " 'pr-opened' or 'pr-updated' to events, or leave it out"));
        }
        if (rule.separatePullRequestBuilds() && !pullRequests) {
            problems.add(new FieldProblem(at + ".separatePullRequestBuilds", "only applies to pull-request events:"
                    + " add 'pr-opened' or 'pr-updated' to events, or leave it out"));
        }
        for (int i = 0; i < rule.jobs().size(); i++) {
            String field = at + ".jobs[" + i + "]";
            JobPaths.problem(rule.jobs().get(i)).ifPresent(p -> problems.add(new FieldProblem(field, p)));
        }
        if (!BranchRule.ALWAYS.equals(rule.trigger()) && !BranchRule.TAGGED.equals(rule.trigger())) {
            problems.add(new FieldProblem(at + ".trigger", "must be 'always' (every matching event builds) or"
                    + " 'tagged' (only when a trigger tag asks)"));
        }
    }

    private static void globs(List<String> globs, String at, List<FieldProblem> problems) {
        for (int i = 0; i < globs.size(); i++) {
            String field = at + "[" + i + "]";
            BranchGlob.Parsed parsed = BranchGlob.parse(globs.get(i));
            if (parsed.problem() != null) {
                problems.add(new FieldProblem(field, parsed.problem()));
            }
        }
    }

    private static java.util.Optional<String> linkTemplate(String template) {
        String what = "must be an absolute http or https URL with '{key}' where the task key goes (e.g."
                + " 'https://example.atlassian.net/browse/{key}')";
        if (!template.contains("{key}")) {
            return java.util.Optional.of(what);
        }
        try {
            URI uri = new URI(template.replace("{key}", "GAME-1"));
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return java.util.Optional.of(what);
            }
        } catch (URISyntaxException e) {
            return java.util.Optional.of(what);
        }
        return java.util.Optional.empty();
    }
}
