package dev.bitbridge.testkit.bitbucket.http;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data Center pagination: {@code values}, {@code size} (of this page), {@code limit}, {@code start},
 * {@code isLastPage} and {@code nextPageStart} while more follow. {@code limit} defaults to 25; Bitbucket caps it at
 * {@code page.max.items} (1000 by default) instead of refusing.
 */
public final class DcPage {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;

    private DcPage() {
    }

    /** @return the page the request asks for */
    public static <T> ObjectNode of(SimRequest request, List<T> all, Function<T, JsonNode> render) {
        int limit = intParam(request, "limit", DEFAULT_LIMIT);
        int start = Math.max(0, intParam(request, "start", 0));
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        int from = Math.min(start, all.size());
        int to = Math.min(from + limit, all.size());
        ObjectNode body = Json.object();
        body.put("size", to - from).put("limit", limit).put("isLastPage", to >= all.size());
        ArrayNode values = body.putArray("values");
        all.subList(from, to).forEach(v -> values.add(render.apply(v)));
        body.put("start", start);
        if (to < all.size()) {
            body.put("nextPageStart", to);
        }
        return body;
    }

    /**
     * @return at most one page from the start, whatever {@code start} says: what resources that Data Center documents
     *         as "currently not paged" answer (pull-request changes); {@code isLastPage} is false when values were cut
     *         off, with no {@code nextPageStart} to follow
     */
    public static <T> ObjectNode firstOnly(SimRequest request, List<T> all, Function<T, JsonNode> render) {
        int limit = Math.max(1, Math.min(intParam(request, "limit", DEFAULT_LIMIT), MAX_LIMIT));
        int to = Math.min(limit, all.size());
        ObjectNode body = Json.object();
        body.put("size", to).put("limit", limit).put("isLastPage", to >= all.size());
        ArrayNode values = body.putArray("values");
        all.subList(0, to).forEach(v -> values.add(render.apply(v)));
        return body.put("start", 0);
    }

    private static int intParam(SimRequest request, String name, int fallback) {
        try {
            return request.query(name) == null ? fallback : Integer.parseInt(request.query(name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
