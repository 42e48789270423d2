package dev.bitbridge.bench.trigger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.scm.Repository;

/**
 * The events of a run: every build request and every push builds a commit of its own (a counter as a 40-digit hex
 * hash), so each Jenkins POST names exactly one of them; requests and pushes go to {@code main} of the repositories
 * {@code bench/repo-00}, {@code bench/repo-01}, … in turn.
 */
public final class BenchEvents {

    /** The integration of every event. */
    public static final String INTEGRATION = "bench";
    /** Who pushes. */
    static final Account PUSHER = new Account("557058:bench", "{bench-pusher}", "bench", "Bench Pusher", null);
    static final String BRANCH = "main";

    private final int repositories;
    private final Map<String, String> heads = new HashMap<>();
    private long commits;
    private long pushes;

    /** @param repositories how many repositories (record keys) the events are spread over */
    public BenchEvents(int repositories) {
        this.repositories = repositories;
    }

    /** @return the repository of the {@code i}th event */
    public Repository repository(long i) {
        String slug = String.format(Locale.ROOT, "repo-%02d", i % repositories);
        return new Repository(INTEGRATION + "/" + slug, slug, null, null);
    }

    /** @return a commit no event had before */
    public String nextCommit() {
        return String.format(Locale.ROOT, "%040x", ++commits);
    }

    /**
     * A build request as commit-analyzer writes it for a push of {@code commit} with {@code #ci}.
     *
     * @param job the job, or {@code null} for the Jenkins target's default job
     */
    public BuildRequest request(long i, String commit, String job, OffsetDateTime at) {
        Repository repository = repository(i);
        return new BuildRequest(BuildRequestIds.of(INTEGRATION, repository.fullName(), commit, job,
                BuildRequestIds.COMMIT), INTEGRATION, "cloud", repository, commit, BRANCH, null, job,
                BuildRequest.PUSH, List.of(new BuildRequest.Trigger(BuildRequest.Trigger.TAG, "#ci", commit)),
                List.of(commit), List.of(), null, StatusKeys.of(job, null), PUSHER, null, at,
                new Origin(UUID.randomUUID().toString(), "repo:push", at), BuildRequestIds.COMMIT);
    }

    /**
     * A push as the connector writes it: {@code main} updated by one new commit whose message carries {@code #ci} and
     * a task key.
     *
     * @return the event and its CloudEvents id
     */
    public Push push(OffsetDateTime at) {
        long n = ++pushes;
        Repository repository = repository(n - 1);
        String commit = nextCommit();
        String previous = heads.put(repository.fullName(), commit);
        String eventId = UUID.randomUUID().toString();
        RefChangeEvent event = new RefChangeEvent(INTEGRATION, "cloud", repository, BRANCH, RefChangeEvent.BRANCH,
                previous == null ? RefChangeEvent.CREATED : RefChangeEvent.UPDATED, false, previous, commit,
                List.of(commit), List.of(), null, PUSHER, at, new Origin(eventId, "repo:push", at),
                List.of(CommitMessage.of(commit, "BENCH-" + n + " change " + n + " #ci")));
        return new Push(event, eventId + "/ref/0", commit);
    }

    /** @return a timestamp as the events carry it */
    public static OffsetDateTime at(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /**
     * One push.
     *
     * @param event the ref change
     * @param id its CloudEvents id
     * @param commit the commit it brought, which its build request builds
     */
    public record Push(RefChangeEvent event, String id, String commit) {
    }
}
