package dev.bitbridge.connector.deliveries;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The repository a webhook body is about: Cloud's {@code repository.full_name}, or Data Center's
 * {@code repository.project.key} and {@code repository.slug} ({@code PROJECT/slug}).
 */
final class RepositoryNames {

    private RepositoryNames() {
    }

    static String of(JsonNode body) {
        if (body == null) {
            return null;
        }
        JsonNode repository = body.path("repository");
        String cloud = repository.path("full_name").asText(null);
        if (cloud != null) {
            return cloud;
        }
        String project = repository.path("project").path("key").asText(null);
        String slug = repository.path("slug").asText(null);
        if (project != null && slug != null) {
            return project + "/" + slug;
        }
        // Data Center pull-request events name the repository on the pull request's destination.
        JsonNode target = body.path("pullRequest").path("toRef").path("repository");
        project = target.path("project").path("key").asText(null);
        slug = target.path("slug").asText(null);
        return project != null && slug != null ? project + "/" + slug : null;
    }
}
