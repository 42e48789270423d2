package dev.bitbridge.ingress.publish;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Finds the repository a webhook is about, for the record key and the CloudEvents subject.
 * <ul>
 * <li>Cloud: {@code repository.full_name} ({@code workspace/slug}).</li>
 * <li>Data Center: {@code repository.project.key + "/" + repository.slug}; pull-request events carry no top-level
 * repository, so the target repository {@code pullRequest.toRef.repository} is used.</li>
 * </ul>
 */
public final class RepositoryNames {

    private RepositoryNames() {
    }

    /**
     * @param flavor which Bitbucket sent the payload
     * @param payload the webhook body
     * @return the repository full name, or {@code null} when the payload names none (e.g. {@code diagnostics:ping})
     */
    public static String of(BitbucketFlavor flavor, JsonNode payload) {
        return switch (flavor) {
            case CLOUD -> text(payload.path("repository").path("full_name"));
            case DATACENTER -> dataCenter(payload);
        };
    }

    private static String dataCenter(JsonNode payload) {
        String direct = projectSlug(payload.path("repository"));
        if (direct != null) {
            return direct;
        }
        return projectSlug(payload.path("pullRequest").path("toRef").path("repository"));
    }

    private static String projectSlug(JsonNode repository) {
        String project = text(repository.path("project").path("key"));
        String slug = text(repository.path("slug"));
        return project == null || slug == null ? null : project + "/" + slug;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
