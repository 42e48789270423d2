package dev.bitbridge.trigger.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.StatusKeys;

/**
 * A build reaching a state: the row changes and its {@code bitbridge.builds.v1} record is made for the outbox, with the
 * next sequence number; the caller writes both in one transaction ({@link BuildStore#write}, ADR 12).
 */
@ApplicationScoped
public class Transitions {

    /** Beyond this many parsed requests remembered, all are let go. */
    static final int MAX_PARSED = 2_000;

    private final ObjectMapper json;
    private final Clock clock;
    /**
     * Requests as parsed, by request id: a build's stored request never changes, and each of its actions (the POST,
     * every poll, every transition) needs it — parsing it each time was a tenth of build-trigger's CPU at 100 builds/s.
     * A build's entry goes when it reaches a final state.
     */
    private final Map<String, BuildRequest> parsed = new ConcurrentHashMap<>();

    Transitions(ObjectMapper json) {
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.clock = Clock.systemUTC();
    }

    /** @return the request the row was made from */
    public BuildRequest requestOf(BuildRow build) {
        BuildRequest known = parsed.get(build.requestId);
        if (known != null) {
            return known;
        }
        try {
            BuildRequest request = json.readValue(build.request, BuildRequest.class);
            if (!isFinal(build.state)) {
                if (parsed.size() >= MAX_PARSED) {
                    parsed.clear();
                }
                parsed.put(build.requestId, request);
            }
            return request;
        } catch (IOException e) {
            throw new IllegalStateException("The stored request of " + build.requestId + " cannot be read", e);
        }
    }

    /**
     * Moves the build to {@code state} (when it is not already final) and writes the record that says so.
     *
     * @param reason why, in words
     * @return the record that says so, for the outbox; empty when the build was final already (nothing changed)
     * @throws IllegalStateException when the record cannot be written
     */
    public Optional<OutboxRecord> reach(BuildRow build, BuildState state, String reason) {
        if (build.state != null && isFinal(build.state)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        build.state = state.name();
        build.reason = reason;
        build.sequence++;
        build.updatedAt = now;
        BuildRequest request = requestOf(build);
        if (state.isFinal()) {
            parsed.remove(build.requestId);
        }
        if (build.job != null) {
            // The key of the job actually built: a request for the default job (no job named) and one naming that job
            // show as one status, whoever asked.
            build.statusKey = StatusKeys.of(build.job, separatePullRequest(request));
        }
        BuildEvent event = new BuildEvent(build.requestId, build.sequence, request.integration(), request.flavor(),
                request.repository(), request.commit(), request.branch(), request.tag(), request.pullRequest(),
                build.job, build.statusKey, state, reason, build.result, build.jenkinsUrl,
                build.queueId == null || build.jenkinsUrl == null ? null
                        : trimSlash(build.jenkinsUrl) + "/queue/item/" + build.queueId + "/",
                build.buildUrl, build.buildNumber, state.isFinal() ? build.durationMs : null, request.reason(),
                request.requestedBy(), request.taskKeys(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                request.requestedAt(), build.jobUrl);
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("A build event could not be written", e);
        }
        return Optional.of(new OutboxRecord(null, build.requestId, build.sequence, RecordKeys.of(request.integration(),
                request.repository().fullName()), event.type(), request.integration(),
                request.repository().fullName(), payload, now));
    }

    /** @return the pull request's id when it is built apart from pushes of its commits (its key says so), else null */
    static Long separatePullRequest(BuildRequest request) {
        return request.pullRequest() != null
                && BuildRequestIds.pullRequest(request.pullRequest().id()).equals(request.kind())
                        ? request.pullRequest().id()
                        : null;
    }

    public static boolean isFinal(String state) {
        return BuildState.SUCCESSFUL.name().equals(state) || BuildState.FAILED.name().equals(state)
                || BuildState.STOPPED.name().equals(state);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
