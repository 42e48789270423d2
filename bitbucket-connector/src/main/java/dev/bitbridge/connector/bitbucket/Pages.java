package dev.bitbridge.connector.bitbucket;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;

/**
 * Reads every page of a Bitbucket list: Cloud's {@code next} links (followed only on the API's own host, so a
 * tampered answer cannot send the credential elsewhere) and Data Center's {@code start}/{@code isLastPage}. A bounded
 * number of pages, so a misbehaving server cannot keep us reading forever.
 */
@ApplicationScoped
public class Pages {

    static final int MAX_PAGES = 50;

    private final BitbucketHttp http;

    Pages(BitbucketHttp http) {
        this.http = http;
    }

    /** @return the {@code values} of every page, starting at {@code url} */
    public Uni<List<JsonNode>> all(Access access, String url) {
        return page(access, url, new ArrayList<>(), 0);
    }

    private Uni<List<JsonNode>> page(Access access, String url, List<JsonNode> values, int read) {
        return http.call(access.target(), access.authorization(), HttpMethod.GET, url, null)
                .chain(answer -> {
                    answer.json().path("values").forEach(values::add);
                    String next = next(access, url, answer.json());
                    if (next == null || read + 1 >= MAX_PAGES) {
                        return Uni.createFrom().item(values);
                    }
                    return page(access, next, values, read + 1);
                });
    }

    /** @return the URL of the page after {@code page} (read from {@code url}), or null on the last */
    static String next(Access access, String url, JsonNode page) {
        String cloudNext = page.path("next").asText(null);
        if (cloudNext != null) {
            if (!BitbucketHttp.sameOrigin(access.target().apiUrl(), cloudNext)) {
                throw new BitbucketException(BitbucketProblem.BITBUCKET_ERROR, "Bitbucket's next-page link points at"
                        + " another host; it was not followed");
            }
            return cloudNext;
        }
        if (page.has("isLastPage") && !page.path("isLastPage").asBoolean(true) && page.has("nextPageStart")) {
            String base = url.replaceAll("([?&])start=\\d+&?", "$1").replaceAll("[?&]$", "");
            return base + (base.contains("?") ? "&" : "?") + "start=" + page.path("nextPageStart").asInt();
        }
        return null;
    }
}
