package dev.bitbridge.testkit.bitbucket.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cloud pagination: {@code values}, {@code pagelen}, {@code page}, {@code size} and a full-URL {@code next} while more
 * pages follow. {@code pagelen} defaults to 10; above the endpoint's maximum (100 on most endpoints, 50 on pull
 * requests, 500 on diffstat) Bitbucket answers 400 "Invalid pagelen". Commit lists are forward-only: no {@code size},
 * no {@code previous} (captures {@code go-scm/cloud/commits.json} and {@code jenkins-bbs/cloud/...-commits_...json}),
 * 30 to a page by default.
 */
public final class CloudPage {

    public static final int DEFAULT_PAGELEN = 10;
    public static final int MAX_PAGELEN = 100;

    /** How one endpoint pages. */
    public record Rules(int defaultPagelen, int maxPagelen, boolean counted) {

        /** @return the rules of most endpoints, with this maximum */
        public static Rules counted(int maxPagelen) {
            return new Rules(DEFAULT_PAGELEN, maxPagelen, true);
        }
    }

    /** Commit lists: 30 by default, at most 100, forward-only. */
    public static final Rules COMMITS = new Rules(30, MAX_PAGELEN, false);
    /** Diffstat: 500 by default and at most (captures {@code go-scm/cloud/diffstat.json}, jenkins-bbs' diffstat). */
    public static final Rules DIFFSTAT = new Rules(500, 500, true);

    private CloudPage() {
    }

    /** @return the page the request asks for, or a 400 answer */
    public static <T> SimResponse of(SimRequest request, List<T> all, int maxPagelen, Function<T, JsonNode> render) {
        return of(request, request.queryAll(), all, Rules.counted(maxPagelen), render);
    }

    /**
     * @param params the request's parameters, which {@code next} repeats (for a {@code POST} with a form body, the
     *        form's)
     * @return the page the request asks for, or a 400 answer
     */
    public static <T> SimResponse of(SimRequest request, Map<String, List<String>> params, List<T> all, Rules rules,
            Function<T, JsonNode> render) {
        int pagelen;
        int page;
        try {
            pagelen = first(params, "pagelen") == null ? rules.defaultPagelen()
                    : Integer.parseInt(first(params, "pagelen"));
            page = first(params, "page") == null ? 1 : Integer.parseInt(first(params, "page"));
        } catch (NumberFormatException e) {
            return CloudErrors.badRequest("Invalid page or pagelen", null);
        }
        if (pagelen < 1 || pagelen > rules.maxPagelen()) {
            return CloudErrors.badRequest("Invalid pagelen", null);
        }
        if (page < 1) {
            return CloudErrors.badRequest("Invalid page", null);
        }
        ObjectNode body = Json.object();
        ArrayNode values = body.putArray("values");
        int from = (int) Math.min((long) (page - 1) * pagelen, all.size());
        int to = Math.min(from + pagelen, all.size());
        all.subList(from, to).forEach(v -> values.add(render.apply(v)));
        body.put("pagelen", pagelen);
        if (rules.counted()) {
            body.put("size", all.size());
        }
        body.put("page", page);
        if (to < all.size()) {
            body.put("next", url(request, params, page + 1));
        }
        if (page > 1 && rules.counted()) {
            body.put("previous", url(request, params, page - 1));
        }
        return SimResponse.json(200, body);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String url(SimRequest request, Map<String, List<String>> params, int page) {
        Map<String, List<String>> query = new LinkedHashMap<>(params);
        query.put("page", List.of(Integer.toString(page)));
        StringBuilder url = new StringBuilder(request.origin()).append(request.uri().getRawPath());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String v : e.getValue()) {
                url.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
