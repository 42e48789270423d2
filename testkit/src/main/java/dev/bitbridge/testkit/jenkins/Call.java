package dev.bitbridge.testkit.jenkins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bitbridge.testkit.bitbucket.http.SimRequest;

/**
 * One request being served, with its caller and the URLs to answer with: the origin from the request's {@code Host}
 * (what Jenkins builds redirect {@code Location}s from) and the root URL for JSON (the configured one, else the same).
 */
record Call(SimRequest request, Caller caller, String origin, String root) {

    static Call of(SimRequest request, Caller caller, String configuredRoot) {
        String host = request.header("Host");
        String origin = host == null || host.isBlank() ? request.origin() : "http://" + host.trim();
        return new Call(request, caller, origin, configuredRoot == null ? origin + "/" : configuredRoot);
    }

    boolean post() {
        return "POST".equals(request.method());
    }

    /** @return the servlet's parameters: the query's, then a urlencoded form body's, by name in order */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        request.queryAll().forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        String type = request.header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            request.formBody().forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        return all;
    }

    /** @return the first value of a parameter, or {@code null} */
    String parameter(String name) {
        List<String> values = parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return an absolute URL on the origin for a path below the root ({@code queue/item/5/}) */
    String absolute(String path) {
        return origin + "/" + path;
    }
}
