package dev.bitbridge.ingress.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the integration name and the {@code token} query parameter from a request's raw path and query. */
final class WebhookPath {

    /** Path prefix of webhook deliveries; the integration name follows. */
    static final String PREFIX = "/webhooks/bitbucket/";
    /** The path as a template, e.g. for metrics. */
    static final String TEMPLATE = PREFIX + "{integration}";
    private static final String TOKEN = "token=";

    private WebhookPath() {
    }

    /**
     * @param path the raw request path
     * @return the integration segment of a webhook path, not yet checked against any name; {@code null} when the path
     *         is not a webhook path (answered 404)
     */
    static String integration(String path) {
        if (path == null || !path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return null;
        }
        String name = path.substring(PREFIX.length());
        return name.indexOf('/') >= 0 ? null : name;
    }

    /**
     * @param query the raw query string, may be {@code null}
     * @return the first {@code token} parameter, decoded; {@code null} when absent or not decodable. Only the first
     *         counts, so that one request cannot try many tokens.
     */
    static String token(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith(TOKEN)) {
                try {
                    return URLDecoder.decode(parameter.substring(TOKEN.length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
