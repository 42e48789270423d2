package dev.bitbridge.analyzer.api;

import java.util.List;

import dev.bitbridge.events.analysis.BranchRule;

/**
 * What {@code PUT …/analysis-settings} takes. Every field is optional; a field left out inherits (a repository's from
 * its integration's). The whole record is replaced: fields left out of a PUT are cleared.
 *
 * @param projectKeys task-key projects to recognise, e.g. {@code ["GAME", "OPS"]}
 * @param linkTemplate the task link, with {@code {key}} where the key goes
 * @param defaultJob the job {@code #ci} and {@code #build} build
 * @param rules the repository's branch rules (repositories only)
 */
public record SettingsRequest(List<String> projectKeys, String linkTemplate, String defaultJob,
        List<BranchRule> rules) {
}
