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
 * Bitbucket Cloud's repository hooks: {@code /2.0/repositories/{workspace}/{slug}/hooks}, identified by
 * {@code uuid}. Cloud never returns a secret, only {@code secret_set}.
 */
@Singleton
public class CloudHooks extends HookApi {

    CloudHooks(BitbucketHttp http, Pages pages) {
        super(http, pages);
    }

    @Override
    String hooksUrl(Access access, String repository) {
        return access.target().apiUrl() + "/repositories/" + repository + "/hooks";
    }

    /** The uuid's braces are percent-encoded in the path. */
    @Override
    String hookUrl(Access access, String repository, String id) {
        return hooksUrl(access, repository) + "/" + id.replace("{", "%7B").replace("}", "%7D");
    }

    @Override
    String largestPage() {
        return "?pagelen=100";
    }

    @Override
    String idField() {
        return "uuid";
    }

    @Override
    Map<String, Object> body(HookSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", spec.name());
        body.put("url", spec.url());
        body.put("active", true);
        body.put("events", List.copyOf(spec.events()));
        body.put("secret", spec.secret());
        return body;
    }

    @Override
    RemoteHook hook(JsonNode json) {
        TreeSet<String> events = new TreeSet<>();
        json.path("events").forEach(e -> events.add(e.asText()));
        return new RemoteHook(json.path("uuid").asText(), json.path("url").asText(), json.path("active").asBoolean(),
                events, json.path("secret_set").asBoolean(false), Optional.empty());
    }
}
