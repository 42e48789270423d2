/**
 * Builds: what commit-analyzer (and people, and schedules) ask build-trigger to build
 * ({@code bitbridge.build-requests.v1}, {@link dev.bitbridge.events.build.BuildRequest}), and every state a build
 * passes through on its way to a result ({@code bitbridge.builds.v1}, {@link dev.bitbridge.events.build.BuildEvent}).
 * Records are CloudEvents in binary mode keyed {@code <integration>:<repository full name>}; fields that are not known
 * are absent from the JSON, never invented.
 */
package dev.bitbridge.events.build;
