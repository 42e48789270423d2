package dev.bitbridge.testkit.bitbucket.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

/**
 * One request to the simulator, read completely.
 *
 * @param method the HTTP method
 * @param uri the request URI as sent
 * @param headers the request headers
 * @param body the body bytes
 * @param origin {@code scheme://host:port} of the simulator, for links in answers
 */
public record SimRequest(String method, URI uri, Headers headers, byte[] body, String origin) {

    /** @return the decoded path */
    public String path() {
        return uri.getPath();
    }

    /** @return the first value of a query parameter, or {@code null} */
    public String query(String name) {
        List<String> values = queryAll().get(name);
        return values == null ? null : values.get(0);
    }

    /** @return every value of every query parameter, in order */
    public Map<String, List<String>> queryAll() {
        return form(uri.getRawQuery());
    }

    /** @return the body parsed as {@code application/x-www-form-urlencoded} */
    public Map<String, List<String>> formBody() {
        return form(new String(body, StandardCharsets.UTF_8));
    }

    /** @return the body as JSON, or {@code null} when it is not */
    public JsonNode json() {
        return Json.parse(body);
    }

    /** @return the first value of a header, or {@code null} */
    public String header(String name) {
        return headers.getFirst(name);
    }

    private static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
