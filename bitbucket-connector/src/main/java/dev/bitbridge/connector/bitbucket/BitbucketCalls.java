package dev.bitbridge.connector.bitbucket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.bitbucket.budget.ApiBudget;
import dev.bitbridge.connector.config.ConnectorConfig;

/**
 * Reads from Bitbucket the way enrichment needs: every call counted against its credential's {@link ApiBudget};
 * transient failures retried — a 429 after its {@code Retry-After} (when Bitbucket sends one and it is short enough),
 * otherwise, like 5xx answers and timeouts, after a capped exponential backoff with jitter — and given up after
 * a bounded number of tries, so that a storm cannot turn into endless retries. Failures that need a person (401, 403,
 * 404, 400) are never retried.
 */
@ApplicationScoped
public class BitbucketCalls {

    private static final Logger LOG = Logger.getLogger(BitbucketCalls.class);

    /** Whether a call may wait for budget. */
    public enum Purpose {
        /** Needed to publish the event at all: commits of a push, a pull request. Always sent. */
        ESSENTIAL,
        /** Can be completed later: file lists. Sent only while budget is left above the reserve. */
        DEFERRABLE
    }

    private final BitbucketHttp http;
    private final ApiBudget budget;
    private final ConnectorConfig.Retry retry;

    BitbucketCalls(BitbucketHttp http, ApiBudget budget, ConnectorConfig config) {
        this.http = http;
        this.budget = budget;
        this.retry = config.bitbucket().retry();
    }

    /**
     * @return the answer; for a {@link Purpose#DEFERRABLE} call, empty when the budget is kept for essential calls
     * @throws BitbucketException (as the Uni's failure) when Bitbucket refused, or still failed after the last try
     */
    public Uni<Optional<BitbucketAnswer>> get(Access access, String url, Purpose purpose) {
        if (purpose == Purpose.ESSENTIAL) {
            return get(access, url).map(Optional::of);
        }
        return Uni.createFrom().deferred(() -> budget.reserveDeferrable(access.budgetKey())
                ? attempt(access, url, 1, true).map(Optional::of)
                : Uni.createFrom().item(Optional.empty()));
    }

    /** @return the answer of an essential call */
    public Uni<BitbucketAnswer> get(Access access, String url) {
        return attempt(access, url, 1, false);
    }

    /**
     * Sends one write (a build status) once, counted against the budget; never retried here: its caller owns retries,
     * so that a status waiting for Bitbucket is not sent again by two layers.
     *
     * @return the answer when Bitbucket took it; fails with a {@link BitbucketException}
     */
    public Uni<BitbucketAnswer> sendOnce(Access access, HttpMethod method, String url, Object body) {
        return Uni.createFrom().deferred(() -> {
            budget.sending(access.budgetKey());
            return http.call(access.target(), access.authorization(), method, url, body)
                    .onTermination().invoke((answer, failure, cancelled) -> settle(access, answer, failure));
        }).onFailure(BitbucketException.class).invoke(f -> {
            BitbucketException failure = (BitbucketException) f;
            if (failure.problem() == BitbucketProblem.RATE_LIMITED) {
                budget.rateLimited(access.budgetKey(), failure.retryAfter());
            }
        });
    }

    /**
     * Reads the {@code values} of every page from {@code url} on (Cloud {@code next} links on the API's own host, Data
     * Center {@code start}/{@code isLastPage}), each page an essential, retried call.
     *
     * @param maxValues stop once this many values are read (a runaway history must not drain the budget)
     */
    public Uni<List<JsonNode>> all(Access access, String url, int maxValues) {
        return page(access, url, new ArrayList<>(), maxValues);
    }

    /**
     * @param url the URL the first page was read from
     * @param firstPage that page, already read (e.g. by a deferrable call)
     * @return the values of the pages after it, each an essential call
     */
    public Uni<List<JsonNode>> after(Access access, String url, JsonNode firstPage, int maxValues) {
        String next = Pages.next(access, url, firstPage);
        return next == null ? Uni.createFrom().item(List.of()) : all(access, next, maxValues);
    }

    private Uni<List<JsonNode>> page(Access access, String url, List<JsonNode> values, int maxValues) {
        return get(access, url).chain(answer -> {
            for (JsonNode value : answer.json().path("values")) {
                if (values.size() < maxValues) {
                    values.add(value);
                }
            }
            String next = Pages.next(access, url, answer.json());
            return next == null || values.size() >= maxValues ? Uni.createFrom().item(values)
                    : page(access, next, values, maxValues);
        });
    }

    /**
     * @param reserved whether the budget already counts this call as sent (a deferrable call's first try)
     */
    private Uni<BitbucketAnswer> attempt(Access access, String url, int attempt, boolean reserved) {
        return Uni.createFrom().deferred(() -> {
            if (!reserved) {
                budget.sending(access.budgetKey());
            }
            return http.call(access.target(), access.authorization(), HttpMethod.GET, url, null)
                    .onTermination().invoke((answer, failure, cancelled) -> settle(access, answer, failure));
        })
                .onFailure(BitbucketException.class).recoverWithUni(f -> {
                    BitbucketException failure = (BitbucketException) f;
                    if (failure.problem() == BitbucketProblem.RATE_LIMITED) {
                        budget.rateLimited(access.budgetKey(), failure.retryAfter());
                    }
                    Optional<Duration> wait = waitBefore(failure, attempt);
                    if (wait.isEmpty()) {
                        return Uni.createFrom().failure(failure);
                    }
                    LOG.debugf("Bitbucket call for integration '%s' failed (%s, try %d of %d); trying again in %d ms",
                            access.integration().name(), failure.problem().code(), attempt, retry.maxAttempts(),
                            wait.get().toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                            .chain(() -> attempt(access, url, attempt + 1, false));
                });
    }

    /** Tells the budget how a sent call ended: answered (whatever the status) counts, no answer does not. */
    private void settle(Access access, BitbucketAnswer answer, Throwable failure) {
        if (answer != null) {
            budget.record(access.budgetKey(), answer.headers());
        } else if (failure instanceof BitbucketException refused && refused.status() > 0) {
            budget.record(access.budgetKey(), MultiMap.caseInsensitiveMultiMap());
        } else {
            budget.unanswered(access.budgetKey());
        }
    }

    /** @return how long to wait before the next try, or empty when there is none */
    Optional<Duration> waitBefore(BitbucketException failure, int attempt) {
        if (!failure.isTransient() || attempt >= retry.maxAttempts()) {
            return Optional.empty();
        }
        Optional<Duration> said = failure.retryAfter();
        if (said.isPresent()) {
            return said.get().compareTo(retry.maxRetryAfter()) <= 0 ? said : Optional.empty();
        }
        return Optional.of(backoff(attempt));
    }

    /** Equal jitter: a random wait between half and all of the capped exponential bound. */
    Duration backoff(int attempt) {
        long bound = Math.min(retry.maxBackoff().toMillis(),
                retry.initialBackoff().toMillis() * (1L << Math.min(attempt - 1, 20)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
    }
}
