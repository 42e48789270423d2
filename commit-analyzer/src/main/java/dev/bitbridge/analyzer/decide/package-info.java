/**
 * Deciding what to build and which tasks to link: pure functions from one enriched event and the repository's
 * effective settings to build requests ({@link dev.bitbridge.analyzer.decide.PushDecider},
 * {@link dev.bitbridge.analyzer.decide.PullRequestDecider}) and task links
 * ({@link dev.bitbridge.analyzer.decide.TaskLinker}).
 */
package dev.bitbridge.analyzer.decide;
