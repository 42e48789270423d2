package dev.bitbridge.testkit.jenkins;

import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * Serves an {@code api/json} answer as {@code hudson.model.Api} does: {@code depth} (0 by default) and {@code tree}
 * ({@link TreeFilter}); {@code X-Jenkins} comes with every answer of the simulator.
 */
final class ApiJson {

    private ApiJson() {
    }

    static SimResponse serve(Call call, long now, Predicate<TreeItem> visible, Function<JenkinsJson, JsonNode> render) {
        String tree = call.request().query("tree");
        int depth;
        try {
            depth = call.request().query("depth") == null ? 0 : Integer.parseInt(call.request().query("depth"));
        } catch (NumberFormatException e) {
            depth = 0;
        }
        JsonNode body = render.apply(new JenkinsJson(now, call.root(), tree != null || depth > 0, tree != null,
                visible));
        if (tree != null) {
            try {
                body = TreeFilter.apply(body, TreeFilter.parse(tree));
            } catch (IllegalArgumentException e) {
                return JenkinsErrors.error(500, "Malformed tree: " + e.getMessage(), call.request().uri()
                        .getRawPath());
            }
        }
        return SimResponse.json(200, body).header("Content-Type", "application/json;charset=utf-8");
    }
}
