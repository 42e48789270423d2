package dev.bitbridge.trigger.jenkins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CSRF crumbs for endpoints that log in with a password (jenkins.md, "Authentication and CSRF"): a crumb is valid only
 * with the session cookie of the request that fetched it, so both are kept together, per Jenkins and user, until
 * Jenkins refuses them.
 */
final class Crumbs {

    /**
     * @param field the header to send it in, usually {@code Jenkins-Crumb}
     * @param value the crumb
     * @param cookie the session cookie, {@code name=value}, or null
     */
    record Crumb(String field, String value, String cookie) {
    }

    private final Map<String, Crumb> crumbs = new ConcurrentHashMap<>();

    Crumb get(JenkinsEndpoint endpoint) {
        return crumbs.get(key(endpoint));
    }

    void put(JenkinsEndpoint endpoint, Crumb crumb) {
        crumbs.put(key(endpoint), crumb);
    }

    void forget(JenkinsEndpoint endpoint) {
        crumbs.remove(key(endpoint));
    }

    private static String key(JenkinsEndpoint endpoint) {
        return endpoint.baseUrl() + " " + endpoint.user();
    }
}
