/**
 * The enriched source-control events the connector publishes: one record per ref change
 * ({@code bitbridge.refs.v1}), per commit new to a repository ({@code bitbridge.commits.v1}) and per pull-request
 * transition ({@code bitbridge.pullrequests.v1}). Every record is a CloudEvent in binary mode; its value is one of the
 * records here as JSON, its key {@code <integration>:<repository full name>}. Fields that a Bitbucket flavor or
 * payload does not give are absent (null), never invented.
 */
package dev.bitbridge.events.scm;
