package dev.bitbridge.connector.enrichment.pullrequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.enrichment.EnrichmentContext;
import dev.bitbridge.connector.enrichment.Outputs;
import dev.bitbridge.connector.enrichment.RawRecord;
import dev.bitbridge.connector.enrichment.TransientFailure;
import dev.bitbridge.connector.enrichment.payload.CommitReader;
import dev.bitbridge.connector.enrichment.payload.ListedCommit;
import dev.bitbridge.connector.enrichment.payload.PullRequestNotice;
import dev.bitbridge.connector.enrichment.payload.PullRequestSnapshot;
import dev.bitbridge.connector.enrichment.push.CloudCommits;
import dev.bitbridge.connector.enrichment.push.CommitSource;
import dev.bitbridge.connector.enrichment.push.DataCenterCommits;
import dev.bitbridge.connector.enrichment.state.EnrichmentState;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.FileChange;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.platform.kafka.Output;

/**
 * Turns a pull-request transition into its event. Opened and updated pull requests get their commits (one call,
 * paginated) and files (one deferrable call); commits the destination repository does not have yet — a fork's — are
 * published as new commits first, and commits it has are not fetched again. Other transitions cost no call.
 */
@ApplicationScoped
public class PullRequestEnricher {

    private final EnrichmentState state;
    private final Outputs outputs;
    private final CloudPullRequests cloud;
    private final DataCenterPullRequests dataCenter;
    private final CloudCommits cloudCommits;
    private final DataCenterCommits dataCenterCommits;

    PullRequestEnricher(EnrichmentState state, Outputs outputs, CloudPullRequests cloud,
            DataCenterPullRequests dataCenter, CloudCommits cloudCommits, DataCenterCommits dataCenterCommits) {
        this.cloudCommits = cloudCommits;
        this.dataCenterCommits = dataCenterCommits;
        this.state = state;
        this.outputs = outputs;
        this.cloud = cloud;
        this.dataCenter = dataCenter;
    }

    public Uni<List<Output>> enrich(RawRecord raw, PullRequestNotice notice, Access access,
            EnrichmentContext context) {
        boolean withContents = notice.action() == PullRequestNotice.Action.OPENED
                || notice.action() == PullRequestNotice.Action.UPDATED;
        if (!withContents) {
            return Uni.createFrom().item(List.of(pullRequest(raw, notice, null, null, null, null)));
        }
        PullRequestSource source = raw.flavor() == BitbucketFlavor.CLOUD ? cloud : dataCenter;
        String repository = notice.repository().fullName();
        long id = notice.pullRequest().id();
        return source.commits(access, repository, id)
                .map(json -> json.stream().map(c -> CommitReader.read(raw.flavor(), c)).toList())
                .chain(commits -> newCommits(raw, repository, commits, context)
                        .chain(fresh -> source.files(access, repository, id).chain(files -> commitEvents(raw,
                                notice, fresh, access, context).chain(events -> {
                                    String head = commits.isEmpty() ? null : commits.get(0).hash();
                                    return previousHead(raw, notice, head, context).map(previous -> {
                                        List<Output> all = new ArrayList<>();
                                        events.forEach(e -> all.add(outputs.event(Topics.COMMITS_V1,
                                                raw.integration(), repository,
                                                raw.integration() + "/" + repository + "/" + e.hash(),
                                                CommitEvent.TYPE_NEW, e)));
                                        all.addAll(outputs.deferredFiles(events, filesHome(notice)));
                                        all.add(pullRequest(raw, notice, commits.stream().map(ListedCommit::hash)
                                                .toList(), files, head, previous));
                                        if (head != null) {
                                            context.changes().pullRequestHead(raw.integration(), repository, id, head,
                                                    raw.partition(), raw.offset());
                                        }
                                        return all;
                                    });
                                }))));
    }

    /**
     * The source head before an update: what Bitbucket said (Data Center's {@code previousFromHash}), else the head
     * Bitbridge last published for the pull request (Cloud says nothing); null when it did not move or is unknown.
     */
    private Uni<String> previousHead(RawRecord raw, PullRequestNotice notice, String head, EnrichmentContext context) {
        if (notice.action() != PullRequestNotice.Action.UPDATED || notice.previousHead() != null || head == null) {
            return Uni.createFrom().item(notice.previousHead());
        }
        String repository = notice.repository().fullName();
        long id = notice.pullRequest().id();
        java.util.Optional<String> inBatch = context.changes().pullRequestHead(raw.integration(), repository, id);
        Uni<java.util.Optional<String>> known = inBatch.isPresent() ? Uni.createFrom().item(inBatch)
                : state.pullRequestHead(raw.integration(), repository, id, context.position())
                        .onFailure().transform(f -> new TransientFailure("enrichment state unavailable", f));
        return known.map(previous -> previous.filter(p -> !p.equals(head)).orElse(null));
    }

    /** @return the pull request's commits the destination repository does not have yet, newest first */
    private Uni<List<ListedCommit>> newCommits(RawRecord raw, String repository, List<ListedCommit> commits,
            EnrichmentContext context) {
        List<String> hashes = commits.stream().map(ListedCommit::hash).toList();
        return state.knownCommits(raw.integration(), repository, hashes, context.position())
                .onFailure().transform(f -> new TransientFailure("enrichment state unavailable", f))
                .map(stored -> {
                    Set<String> known = new HashSet<>(stored);
                    return commits.stream().filter(c -> !known.contains(c.hash())
                            && !context.changes().commitKnown(raw.integration(), repository, c.hash())).toList();
                });
    }

    /** New commits (a fork's), oldest first, each with its files from a deferrable call. */
    private Uni<List<CommitEvent>> commitEvents(RawRecord raw, PullRequestNotice notice, List<ListedCommit> fresh,
            Access access, EnrichmentContext context) {
        String repository = notice.repository().fullName();
        List<ListedCommit> oldestFirst = new ArrayList<>(fresh);
        java.util.Collections.reverse(oldestFirst);
        CommitSource commits = raw.flavor() == BitbucketFlavor.CLOUD ? cloudCommits : dataCenterCommits;
        String home = filesHome(notice);
        return Multi.createFrom().iterable(oldestFirst)
                .onItem().transformToUniAndConcatenate(c -> forkFiles(commits, access, home, c.hash()).map(files -> {
                    context.changes().commitKnown(raw.integration(), repository, c.hash(), raw.partition(),
                            raw.offset());
                    return new CommitEvent(raw.integration(), raw.flavor().id(), notice.repository(), c.hash(),
                            c.message(), c.author(), c.committer(), c.authorDate(), c.committerDate(), c.parents(),
                            List.of(), files.orElse(List.of()), files.isEmpty(), c.url(), origin(raw));
                }))
                .collect().asList();
    }

    /** A commit the destination does not have lives in the source repository (a fork): its files are read there. */
    private static String filesHome(PullRequestNotice notice) {
        return notice.pullRequest().source().repository() != null
                ? notice.pullRequest().source().repository().fullName()
                : notice.repository().fullName();
    }

    /**
     * @return a fork commit's files, read in the fork; pending (empty) when the credential may not read the fork —
     *         the commit is still published, its files cannot be completed
     */
    private static Uni<java.util.Optional<List<FileChange>>> forkFiles(CommitSource commits, Access access,
            String home, String hash) {
        return commits.files(access, home, hash)
                .onFailure(f -> f instanceof BitbucketException e && !e.isTransient())
                .recoverWithItem(java.util.Optional.empty());
    }

    private Output pullRequest(RawRecord raw, PullRequestNotice notice, List<String> commits, List<FileChange> files,
            String fullHead, String previousHead) {
        PullRequestSnapshot pr = notice.pullRequest();
        PullRequestEvent.Endpoint source = pr.source();
        if (fullHead != null && source.commit() != null && fullHead.startsWith(source.commit())) {
            source = new PullRequestEvent.Endpoint(source.branch(), fullHead, source.repository());
        }
        PullRequestEvent event = new PullRequestEvent(raw.integration(), raw.flavor().id(), notice.repository(),
                notice.action().id(), pr.id(), pr.title(), pr.description(), pr.state(), pr.author(), source,
                pr.destination(), previousHead, pr.reviewers(), notice.actor(), pr.mergeCommit(),
                notice.comment(), commits, files, false, pr.url(),
                notice.occurredAt() != null ? notice.occurredAt() : raw.receivedAt(), origin(raw));
        return outputs.event(Topics.PULLREQUESTS_V1, raw.integration(), notice.repository().fullName(),
                raw.eventId() + "/pullrequest", event.type(), event);
    }

    private static Origin origin(RawRecord raw) {
        return new Origin(raw.eventId(), raw.eventKey(), raw.receivedAt());
    }
}
