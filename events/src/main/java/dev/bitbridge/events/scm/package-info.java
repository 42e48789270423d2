/**
 * The enriched source-control events the connector publishes: one record per ref change
 * ({@code bitbridge.refs.v1}), per commit new to a repository ({@code bitbridge.commits.v1}) and per pull-request
 * transition ({@code bitbridge.pullrequests.v1}). Every record is a CloudEvent in binary mode; its value is one of the
 * records here as JSON, its key {@code <integration>:<repository full name>}. Fields that a Bitbucket flavor or
 * payload does not give are null in Java and absent from the JSON, never invented: every record here, nested ones
 * included, is written with {@code @JsonInclude(NON_NULL)}, and the schemas type such fields without {@code null}.
 * Dates are {@link java.time.OffsetDateTime}s that keep their offset both ways (written as given, read back without
 * adjusting to the reader's time zone).
 */
package dev.bitbridge.events.scm;
