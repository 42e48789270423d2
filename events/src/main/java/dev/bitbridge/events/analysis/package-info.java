/**
 * What commit-analyzer finds in commits, refs and pull requests: task links ({@code bitbridge.task-links.v1},
 * {@link dev.bitbridge.events.analysis.TaskLinkEvent}), and the settings it reads them with: project keys, link
 * templates, default jobs and branch rules ({@code bitbridge.analysis-settings.v1}, a compacted table of
 * {@link dev.bitbridge.events.analysis.AnalysisSettings}).
 */
package dev.bitbridge.events.analysis;
