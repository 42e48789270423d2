package dev.bitbridge.connector.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.MultiMap;

/**
 * A successful answer from Bitbucket.
 *
 * @param json its body ({@code MissingNode} when empty)
 * @param headers its headers, e.g. Data Center's {@code X-AUSERNAME}
 */
public record BitbucketAnswer(JsonNode json, MultiMap headers) {
}
