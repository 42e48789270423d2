package dev.bitbridge.bench;

import java.util.Objects;

/**
 * One {@code repo:push} body the benchmark sends, byte for byte, and the repository it names.
 *
 * @param body the raw JSON body
 * @param repositoryFullName {@code repository.full_name} of the body, e.g. {@code workspace/slug}
 */
public record WebhookPayload(byte[] body, String repositoryFullName) {

    public WebhookPayload {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(repositoryFullName, "repositoryFullName");
    }
}
