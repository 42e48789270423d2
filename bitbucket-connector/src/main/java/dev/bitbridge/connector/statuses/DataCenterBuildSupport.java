package dev.bitbridge.connector.statuses;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketCalls;
import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.BitbucketProblem;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;

/**
 * What a Data Center server supports for build statuses, as it says itself — never configured by hand, as Atlassian's
 * own Jenkins plugin does it: {@code GET /rest/capabilities} names a {@code build} capability URL (7.4+), whose
 * {@code buildStatus} list holds {@code richBuildStatus} (the repository-scoped {@code …/builds} endpoint) and, from
 * 8.0, {@code cancelledStatus}. No such capability (or a 404) means the legacy {@code /rest/build-status/1.0} only.
 * Remembered per server for an hour; a capability URL on another host is not followed.
 */
@ApplicationScoped
public class DataCenterBuildSupport {

    static final Duration REMEMBER = Duration.ofHours(1);

    /** @param rich the {@code …/builds} endpoint exists; @param cancelled it takes {@code CANCELLED} */
    public record Support(boolean rich, boolean cancelled) {
        static final Support LEGACY = new Support(false, false);
    }

    private record Known(Support support, long at) {
    }

    private final BitbucketCalls calls;
    private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

    DataCenterBuildSupport(BitbucketCalls calls) {
        this.calls = calls;
    }

    /** @return what the integration's server supports */
    public Uni<Support> of(Access access) {
        String key = access.target().clientKey();
        Known remembered = known.get(key);
        if (remembered != null && System.nanoTime() - remembered.at() < REMEMBER.toNanos()) {
            return Uni.createFrom().item(remembered.support());
        }
        String base = access.target().apiUrl();
        return calls.get(access, base + "/rest/capabilities")
                .chain(answer -> {
                    String build = answer.json().path("capabilities").path("build").asText("");
                    if (build.isEmpty() || !BitbucketHttp.sameOrigin(base, build)) {
                        return Uni.createFrom().item(Support.LEGACY);
                    }
                    return calls.get(access, build).map(list -> support(list.json().path("buildStatus")));
                })
                .onFailure(e -> e instanceof BitbucketException b && b.problem() == BitbucketProblem.NOT_FOUND)
                .recoverWithItem(Support.LEGACY)
                .invoke(support -> known.put(key, new Known(support, System.nanoTime())));
    }

    private static Support support(JsonNode features) {
        boolean rich = false;
        boolean cancelled = false;
        for (JsonNode feature : features) {
            rich |= "richBuildStatus".equals(feature.asText());
            cancelled |= "cancelledStatus".equals(feature.asText());
        }
        return new Support(rich, cancelled);
    }
}
