package dev.bitbridge.bench.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.bitbridge.testkit.jenkins.JenkinsRequest;

/**
 * The Jenkins requests of a time window by what they are for, from the simulator's request log.
 *
 * @param triggers {@code POST …/buildWithParameters} (or {@code …/build})
 * @param queueItems {@code GET /queue/item/N/api/json}: following a queued build
 * @param builds {@code GET /job/…/N/api/json}: following a running build
 * @param lookups {@code GET /queue/api/json} and {@code GET /job/…/api/json}: looking for a request by its id
 * @param other anything else (crumbs, cancels, stops)
 */
public record RequestMix(long triggers, long queueItems, long builds, long lookups, long other) {

    /** @return the requests answered in {@code [from, to)} on the simulator's clock, by kind */
    public static RequestMix of(List<JenkinsRequest> requests, Instant from, Instant to) {
        long triggers = 0;
        long queueItems = 0;
        long builds = 0;
        long lookups = 0;
        long other = 0;
        for (JenkinsRequest r : requests) {
            if (r.at().isBefore(from) || !r.at().isBefore(to)) {
                continue;
            }
            if (r.matches("POST", "**/buildWithParameters") || r.matches("POST", "**/build")) {
                triggers++;
            } else if (r.matches("GET", "/queue/item/*/api/json")) {
                queueItems++;
            } else if (r.matches("GET", "/job/**/api/json") && isBuild(r.path())) {
                builds++;
            } else if (r.matches("GET", "/queue/api/json") || r.matches("GET", "/job/**/api/json")) {
                lookups++;
            } else {
                other++;
            }
        }
        return new RequestMix(triggers, queueItems, builds, lookups, other);
    }

    /** @return whether the path is a build's JSON: {@code …/job/<name>/<number>/api/json} */
    static boolean isBuild(String path) {
        String[] parts = path.split("/");
        return parts.length >= 4 && parts[parts.length - 1].equals("json") && parts[parts.length - 2].equals("api")
                && parts[parts.length - 3].matches("\\d+");
    }

    /** @return every request */
    public long total() {
        return triggers + queueItems + builds + lookups + other;
    }

    /** @return e.g. {@code 3,500 (0 POST, 500 queue item, 3,000 build, 0 lookup, 0 other)} */
    public String describe() {
        return String.format(Locale.ROOT, "%,d (%,d trigger POST, %,d queue item, %,d build, %,d lookup, %,d other)",
                total(), triggers, queueItems, builds, lookups, other);
    }
}
