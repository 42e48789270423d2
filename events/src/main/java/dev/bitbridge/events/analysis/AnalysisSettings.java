package dev.bitbridge.events.analysis;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One value on the compacted topic {@code bitbridge.analysis-settings.v1}: how commit-analyzer reads one integration's
 * or one repository's events. Keyed {@code <integration>} for an integration's settings and
 * {@code <integration>:<repository full name>} for a repository's (the usual record key); a tombstone removes them.
 * <p>
 * A repository's settings override its integration's field by field: a null field inherits.
 *
 * @param integration the integration
 * @param repository the repository full name; null for the integration's own settings
 * @param projectKeys the task-key projects to recognise ({@code GAME}, {@code OPS}); null inherits, and when no level
 *        sets a list every well-formed key counts (then {@code UTF-8} would too)
 * @param linkTemplate the task link, with {@code {key}} where the key goes
 *        ({@code https://example.atlassian.net/browse/{key}}); null inherits, none set means links without one
 * @param defaultJob the job {@code #ci} and {@code #build} build, and rules with no jobs; null inherits, none set
 *        means the Jenkins target's default job
 * @param rules the repository's branch rules, in order; null or empty for none (integration-level rules are not
 *        supported: a rule names jobs of one repository)
 * @param updatedAt when these settings were written
 * @param updatedBy who wrote them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisSettings(
        String integration,
        String repository,
        List<String> projectKeys,
        String linkTemplate,
        String defaultJob,
        List<BranchRule> rules,
        Instant updatedAt,
        String updatedBy) {

    public AnalysisSettings {
        projectKeys = projectKeys == null ? null : List.copyOf(projectKeys);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
