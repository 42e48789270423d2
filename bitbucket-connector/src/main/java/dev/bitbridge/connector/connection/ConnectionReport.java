package dev.bitbridge.connector.connection;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of testing an integration's connection: every check made, and on failure the problem that stopped it.
 *
 * @param ok whether every check passed
 * @param checks what was checked, in order, with what was found
 * @param problem on failure, its code (e.g. {@code bad_credentials}, {@code missing_scope}, {@code tls_failure})
 * @param detail on failure, what is wrong and what to do
 * @param requiredScopes for {@code missing_scope}, the scopes Bitbucket asked for
 * @param retryAfterSeconds for {@code rate_limited}, when to try again, if Bitbucket said
 */
@Schema(name = "ConnectionReport")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConnectionReport(boolean ok, List<Check> checks, String problem, String detail,
        List<String> requiredScopes, Long retryAfterSeconds) {

    /**
     * @param name what was checked: {@code identity}, {@code server}, {@code workspace}, {@code repositories},
     *        {@code webhooks}
     * @param outcome {@code passed}, {@code warning} or {@code failed}
     * @param detail what was found
     */
    public record Check(String name, String outcome, String detail) {
    }
}
