package dev.bitbridge.analyzer.rules;

import java.util.List;
import java.util.Set;

import dev.bitbridge.events.analysis.AnalysisSettings;

/**
 * The settings that apply to one repository: its own, each field that it leaves null inherited from its integration's.
 *
 * @param projectKeys the task-key projects to recognise; empty for all
 * @param linkTemplate the task link template, or null
 * @param defaultJob the repository's default job, or null for the Jenkins target's
 * @param rules the repository's branch rules, in order
 */
public record EffectiveSettings(Set<String> projectKeys, String linkTemplate, String defaultJob,
        List<CompiledRule> rules) {

    public static final EffectiveSettings NONE = new EffectiveSettings(Set.of(), null, null, List.of());

    /**
     * @param integration the integration's settings, or null
     * @param repository the repository's, or null
     */
    public static EffectiveSettings of(AnalysisSettings integration, AnalysisSettings repository) {
        List<String> projects = first(repository == null ? null : repository.projectKeys(),
                integration == null ? null : integration.projectKeys());
        String link = first(repository == null ? null : repository.linkTemplate(),
                integration == null ? null : integration.linkTemplate());
        String job = first(repository == null ? null : repository.defaultJob(),
                integration == null ? null : integration.defaultJob());
        List<CompiledRule> rules = repository == null ? List.of()
                : repository.rules().stream().map(CompiledRule::of).toList();
        return new EffectiveSettings(projects == null ? Set.of() : Set.copyOf(projects), link, job, rules);
    }

    /** @return the task's link, or null when no template is set */
    public String linkFor(String key) {
        return linkTemplate == null ? null : linkTemplate.replace("{key}", key);
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
