package dev.bitbridge.testkit.bitbucket.cloud;

import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.auth.RateLimiter;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * The rate-limit headers Bitbucket Cloud adds for repository, project and workspace access tokens on the endpoints of
 * its scaled "api" resource group ({@code /2.0/repositories/*}): {@code X-RateLimit-Limit} (requests per hour),
 * {@code X-RateLimit-Resource} and {@code X-RateLimit-NearLimit}. Sources: Bitbucket blog "Introducing Scaled Rate
 * Limits for Bitbucket Cloud API" (headers for access tokens and Forge apps only) and Atlassian support on
 * community.atlassian.com (2026-04: "Only access token authentication supports the 'X-RateLimit-Limit',
 * 'X-RateLimit-Resource' and 'X-RateLimit-NearLimit' response headers"; OAuth consumers and API tokens get none).
 * Bitbucket documents no {@code X-RateLimit-Remaining}, so none is sent. When {@code NearLimit} turns true is not
 * documented where we could read it: the simulator says true below 20% of the hour's budget.
 */
public final class CloudRateLimitHeaders {

    /** Bitbucket's base limit of the api group, used when a test set no limit. */
    static final int BASE_LIMIT = 1000;

    private CloudRateLimitHeaders() {
    }

    /** Adds the headers when the caller and the path get them. */
    public static void add(SimResponse response, Principal who, String path, RateLimiter limiter) {
        if (who == null || who.kind() != Principal.Kind.CLOUD_ACCESS_TOKEN || !path.startsWith("/2.0/repositories/")) {
            return;
        }
        int limit = limiter.limit() > 0 ? limiter.limit() : BASE_LIMIT;
        int remaining = limiter.limit() > 0 ? limiter.remaining(who) : BASE_LIMIT;
        response.header("X-RateLimit-Limit", Integer.toString(limit)).header("X-RateLimit-Resource", "api")
                .header("X-RateLimit-NearLimit", Boolean.toString(remaining < limit / 5));
    }
}
