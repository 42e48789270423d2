package dev.bitbridge.testkit.bitbucket.http;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cloud pagination: {@code values}, {@code pagelen}, {@code page}, {@code size} and a full-URL {@code next} while more
 * pages follow. {@code pagelen} defaults to 10; above the endpoint's maximum (100 on most endpoints, 50 on pull
 * requests) Bitbucket answers 400 "Invalid pagelen".
 */
public final class CloudPage {

    public static final int DEFAULT_PAGELEN = 10;
    public static final int MAX_PAGELEN = 100;

    private CloudPage() {
    }

    /** @return the page the request asks for, or a 400 answer */
    public static <T> SimResponse of(SimRequest request, List<T> all, int maxPagelen, Function<T, JsonNode> render) {
        int pagelen;
        int page;
        try {
            pagelen = request.query("pagelen") == null ? DEFAULT_PAGELEN : Integer.parseInt(request.query("pagelen"));
            page = request.query("page") == null ? 1 : Integer.parseInt(request.query("page"));
        } catch (NumberFormatException e) {
            return CloudErrors.badRequest("Invalid page or pagelen", null);
        }
        if (pagelen < 1 || pagelen > maxPagelen) {
            return CloudErrors.badRequest("Invalid pagelen", null);
        }
        if (page < 1) {
            return CloudErrors.badRequest("Invalid page", null);
        }
        ObjectNode body = Json.object();
        ArrayNode values = body.putArray("values");
        int from = Math.min((page - 1) * pagelen, all.size());
        int to = Math.min(from + pagelen, all.size());
        all.subList(from, to).forEach(v -> values.add(render.apply(v)));
        body.put("pagelen", pagelen).put("size", all.size()).put("page", page);
        if (to < all.size()) {
            body.put("next", request.urlWith("page", Integer.toString(page + 1)));
        }
        if (page > 1) {
            body.put("previous", request.urlWith("page", Integer.toString(page - 1)));
        }
        return SimResponse.json(200, body);
    }
}
