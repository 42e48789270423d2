/**
 * Reading text the way a developer writes it: task keys ({@link dev.bitbridge.analyzer.text.TaskKeys}) and trigger
 * tags ({@link dev.bitbridge.analyzer.text.TriggerTags}) in commit messages, pull-request titles and descriptions and
 * branch names. Pure functions of their input; the grammar and its edge cases are in the module's README.
 */
package dev.bitbridge.analyzer.text;
