package dev.bitbridge.connector.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.IntegrationAccess;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * One page of the repositories an integration's credential can see: the workspace's (Cloud, {@code page}) or every
 * visible one (Data Center, {@code start}), marked when already connected. The cursor is Bitbucket's own page number
 * or start, so no link from Bitbucket is handed to the caller.
 */
@ApplicationScoped
public class AvailableRepositories {

    static final int MAX_LIMIT = 100;

    private final ConnectedRepositoryStore connections;
    private final IntegrationAccess access;
    private final BitbucketHttp http;

    AvailableRepositories(ConnectedRepositoryStore connections, IntegrationAccess access, BitbucketHttp http) {
        this.connections = connections;
        this.access = access;
        this.http = http;
    }

    public Uni<Page> page(String integration, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        int given = position(cursor);
        return access.of(integration).chain(a -> {
            // Cloud numbers pages from 1, Data Center counts repositories from 0.
            int position = given >= 0 ? given : a.target().flavor() == BitbucketFlavor.CLOUD ? 1 : 0;
            return http.call(a.target(), a.authorization(), HttpMethod.GET, url(a, position, limit), null)
                    .chain(answer -> connected(integration).map(known -> page(a, answer.json(), position, known)));
        });
    }

    private static String url(Access a, int position, int limit) {
        return a.target().flavor() == BitbucketFlavor.CLOUD
                ? a.target().apiUrl() + "/repositories/" + a.integration().workspace() + "?pagelen=" + limit + "&page="
                        + position
                : a.target().apiUrl() + "/rest/api/1.0/repos?limit=" + limit + "&start=" + position;
    }

    private static Page page(Access a, JsonNode json, int position, Set<String> connected) {
        boolean cloud = a.target().flavor() == BitbucketFlavor.CLOUD;
        List<Available> values = new ArrayList<>();
        for (JsonNode repo : json.path("values")) {
            String name = cloud ? repo.path("full_name").asText()
                    : repo.path("project").path("key").asText() + "/" + repo.path("slug").asText();
            boolean isPrivate = cloud ? repo.path("is_private").asBoolean(true) : !repo.path("public").asBoolean();
            values.add(new Available(name, repo.path("name").asText(null), isPrivate, connected.contains(name)));
        }
        String next = cloud
                ? (json.hasNonNull("next") ? Integer.toString(position + 1) : null)
                : (json.path("isLastPage").asBoolean(true) ? null : json.path("nextPageStart").asText(null));
        return new Page(values, next);
    }

    private static int position(String cursor) {
        if (cursor == null) {
            return -1;
        }
        try {
            int value = Integer.parseInt(cursor);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("next", "is not a cursor from a previous page's next");
        }
    }

    private Uni<Set<String>> connected(String integration) {
        return connections.of(integration)
                .map(rows -> rows.stream().map(RepositoryConnection::repository).collect(Collectors.toSet()));
    }

    /**
     * @param values repositories of this page
     * @param next pass as {@code next} for the following page; absent on the last
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<Available> values, String next) {
    }

    /** A repository the credential can see, and whether it is connected to this integration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Available(String repository, String name, boolean isPrivate, boolean connected) {
    }
}
