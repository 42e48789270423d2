package dev.bitbridge.connector.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.bitbucket.Pages;

/**
 * Bitbucket Data Center's repository webhooks: {@code /rest/api/1.0/projects/{key}/repos/{slug}/webhooks}, numeric
 * ids, the secret in {@code configuration.secret}. Managing them needs REPO_ADMIN.
 */
@Singleton
public class DataCenterHooks extends HookApi {

    DataCenterHooks(BitbucketHttp http, Pages pages) {
        super(http, pages);
    }

    /** {@code PROJECT/slug} → {@code …/projects/PROJECT/repos/slug/webhooks}. */
    @Override
    String hooksUrl(Access access, String repository) {
        String[] parts = repository.split("/", 2);
        return access.target().apiUrl() + "/rest/api/1.0/projects/" + parts[0] + "/repos/" + parts[1] + "/webhooks";
    }

    @Override
    String hookUrl(Access access, String repository, String id) {
        return hooksUrl(access, repository) + "/" + id;
    }

    @Override
    String largestPage() {
        return "?limit=100";
    }

    @Override
    String idField() {
        return "id";
    }

    @Override
    Map<String, Object> body(HookSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("url", spec.url());
        body.put("active", true);
        body.put("events", List.copyOf(spec.events()));
        body.put("configuration", Map.of("secret", spec.secret()));
        return body;
    }

    @Override
    RemoteHook hook(JsonNode json) {
        TreeSet<String> events = new TreeSet<>();
        json.path("events").forEach(e -> events.add(e.asText()));
        Optional<String> secret = Optional.ofNullable(json.path("configuration").path("secret").asText(null));
        return new RemoteHook(json.path("id").asText(), json.path("url").asText(), json.path("active").asBoolean(),
                events, secret.isPresent(), secret);
    }
}
