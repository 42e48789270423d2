package dev.bitbridge.connector.integration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of integrations, ordered by name.
 *
 * @param values the integrations of this page
 * @param nextAfter pass as {@code after} to get the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationPage(List<IntegrationSummary> values, String nextAfter) {
}
