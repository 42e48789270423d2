package dev.bitbridge.connector.enrichment.push;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.enrichment.EnrichmentContext;
import dev.bitbridge.connector.enrichment.Outputs;
import dev.bitbridge.connector.enrichment.RawRecord;
import dev.bitbridge.connector.enrichment.TransientFailure;
import dev.bitbridge.connector.enrichment.payload.CommitReader;
import dev.bitbridge.connector.enrichment.payload.ListedCommit;
import dev.bitbridge.connector.enrichment.payload.PushNotice;
import dev.bitbridge.connector.enrichment.state.EnrichmentState;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.FileChange;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.platform.kafka.Output;

/**
 * Turns a push into one ref event per moved ref and one commit event per commit new to the repository, with the
 * fewest calls: a change whose commits the webhook listed completely costs nothing but the files of its new commits;
 * a truncated or missing list costs one commits query; a new ref costs nothing when its head, or a commit the webhook
 * lists, is one the repository already has, and otherwise two (its branches, then the commits on no other branch);
 * a commit the repository already has is neither fetched nor published again — the ref event lists it as known.
 * Commit events come first (every parent before its children, across all changes of the push), then the ref events
 * in the webhook's order.
 */
@ApplicationScoped
public class PushEnricher {

    private final EnrichmentState state;
    private final Outputs outputs;
    private final CloudCommits cloud;
    private final DataCenterCommits dataCenter;
    private final int concurrentFileCalls;

    PushEnricher(EnrichmentState state, Outputs outputs, CloudCommits cloud, DataCenterCommits dataCenter,
            ConnectorConfig config) {
        this.concurrentFileCalls = config.enrichment().concurrentFileCalls();
        this.state = state;
        this.outputs = outputs;
        this.cloud = cloud;
        this.dataCenter = dataCenter;
    }

    public Uni<List<Output>> enrich(RawRecord raw, PushNotice notice, Access access, EnrichmentContext context) {
        PushFacts push = PushFacts.of(notice);
        CommitSource source = raw.flavor() == BitbucketFlavor.CLOUD ? cloud : dataCenter;
        String repository = push.repository().fullName();
        Walk walk = new Walk(raw, push, access, source, context);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RefUpdate update : push.updates()) {
            chain = chain.chain(() -> walk.update(update));
        }
        return chain.chain(() -> walk.withFiles()).map(v -> walk.outputs(repository));
    }

    /** One push being walked: what each ref change brought, which commits are new, and their files. */
    private final class Walk {

        private final RawRecord raw;
        private final PushFacts push;
        private final Access access;
        private final CommitSource source;
        private final EnrichmentContext context;
        private final String repository;
        private final Map<String, ListedCommit> newCommits = new LinkedHashMap<>();
        private final Map<String, Set<String>> branchesOf = new LinkedHashMap<>();
        private final Map<String, Optional<List<FileChange>>> files = new ConcurrentHashMap<>();
        private final List<RefChangeEvent> refEvents = new ArrayList<>();
        private Map<String, String> heads;

        Walk(RawRecord raw, PushFacts push, Access access, CommitSource source, EnrichmentContext context) {
            this.raw = raw;
            this.push = push;
            this.access = access;
            this.source = source;
            this.context = context;
            this.repository = push.repository().fullName();
        }

        Uni<Void> update(RefUpdate update) {
            if (RefChangeEvent.DELETED.equals(update.change()) || update.newHash() == null) {
                refEvents.add(refEvent(update, false, List.of(), List.of()));
                return Uni.createFrom().voidItem();
            }
            return candidates(update).chain(candidates -> known(candidates).map(known -> {
                List<String> brought = new ArrayList<>();
                List<String> alreadyKnown = new ArrayList<>();
                for (ListedCommit commit : candidates) {
                    if (known.contains(commit.hash()) && !newCommits.containsKey(commit.hash())) {
                        alreadyKnown.add(commit.hash());
                    } else {
                        brought.add(commit.hash());
                        newCommits.putIfAbsent(commit.hash(), commit);
                        if (RefChangeEvent.BRANCH.equals(update.refType())) {
                            branchesOf.computeIfAbsent(commit.hash(), h -> new LinkedHashSet<>()).add(update.ref());
                        }
                    }
                }
                refEvents.add(refEvent(update, forced(update, candidates), brought, alreadyKnown));
                return null;
            })).replaceWithVoid();
        }

        /**
         * The commits the change brought, newest first. An update's webhook list is {@code new ^old}: used as it is
         * when complete, else asked of Bitbucket the same way. A new ref's webhook list is the head's history, not what
         * is new: the new commits are those listed before the first commit the repository already has; when none of
         * the listed commits is known (or the ref's head is), Bitbucket is asked for the commits on no other branch.
         */
        private Uni<List<ListedCommit>> candidates(RefUpdate update) {
            if (RefChangeEvent.UPDATED.equals(update.change()) && update.oldHash() != null) {
                return update.listComplete() ? Uni.createFrom().item(update.listed())
                        : between(update, List.of(update.oldHash()));
            }
            List<String> listed = update.listed().stream().map(ListedCommit::hash).toList();
            List<String> asked = new ArrayList<>(listed);
            asked.add(update.newHash());
            return known(asked).chain(known -> {
                if (known.contains(update.newHash())) {
                    return Uni.createFrom().item(List.<ListedCommit> of()); // created at a commit the repository has
                }
                for (int i = 0; i < listed.size(); i++) {
                    if (known.contains(listed.get(i))) {
                        return Uni.createFrom().item(update.listed().subList(0, i));
                    }
                }
                boolean wholeHistory = update.listComplete() && !update.listed().isEmpty()
                        && update.listed().get(update.listed().size() - 1).parents().isEmpty();
                return wholeHistory ? Uni.createFrom().item(update.listed())
                        : otherBranchHeads(update).chain(excluded -> between(update, excluded));
            });
        }

        private Uni<List<ListedCommit>> between(RefUpdate update, List<String> excluded) {
            return source.commitsBetween(access, repository, List.of(update.newHash()), excluded)
                    .map(json -> json.stream().map(c -> CommitReader.read(raw.flavor(), c)).toList());
        }

        /** For a new ref: the heads of every other branch, so that only commits on no other branch are listed. */
        private Uni<List<String>> otherBranchHeads(RefUpdate update) {
            Uni<Map<String, String>> all = heads != null ? Uni.createFrom().item(heads)
                    : source.branchHeads(access, repository).invoke(found -> heads = found);
            return all.map(found -> {
                List<String> others = new ArrayList<>();
                found.forEach((name, head) -> {
                    boolean self = RefChangeEvent.BRANCH.equals(update.refType()) && name.equals(update.ref());
                    if (!self && !head.equals(update.newHash()) && !others.contains(head)) {
                        others.add(head);
                    }
                });
                return others;
            });
        }

        private Uni<Set<String>> known(List<ListedCommit> candidates) {
            return known(candidates.stream().map(ListedCommit::hash).toList());
        }

        /**
         * @return which hashes the repository already has: published by committed output, earlier in this batch, or
         *         earlier in this push
         */
        private Uni<Set<String>> known(java.util.Collection<String> hashes) {
            return state.knownCommits(raw.integration(), repository, hashes, context.position())
                    .onFailure().transform(f -> new TransientFailure("enrichment state unavailable", f))
                    .map(stored -> {
                        Set<String> known = new HashSet<>(stored);
                        hashes.stream().filter(h -> context.changes().commitKnown(raw.integration(), repository, h)
                                || newCommits.containsKey(h)).forEach(known::add);
                        return known;
                    });
        }

        /** Cloud says; elsewhere: an update is forced when no commit it brought descends from the old head. */
        private boolean forced(RefUpdate update, List<ListedCommit> candidates) {
            if (update.forced() != null) {
                return update.forced();
            }
            if (!RefChangeEvent.UPDATED.equals(update.change()) || update.oldHash() == null) {
                return false;
            }
            return candidates.stream().noneMatch(c -> c.parents().contains(update.oldHash()));
        }

        /**
         * Fetches the files of every new commit, one deferrable call each, a few at once
         * ({@code enrichment.concurrent-file-calls}); the budget may leave them pending.
         */
        Uni<Void> withFiles() {
            return Multi.createFrom().iterable(new ArrayList<>(newCommits.keySet()))
                    .onItem().transformToUni(hash -> source.files(access, repository, hash)
                            .invoke(found -> files.put(hash, found)))
                    .merge(concurrentFileCalls)
                    .collect().last().replaceWithVoid();
        }

        List<Output> outputs(String repository) {
            List<Output> out = new ArrayList<>();
            List<String> oldestFirst = parentsFirst();
            List<CommitEvent> commits = new ArrayList<>();
            for (String hash : oldestFirst) {
                context.changes().commitKnown(raw.integration(), repository, hash, raw.partition(), raw.offset());
                CommitEvent commit = commitEvent(newCommits.get(hash));
                commits.add(commit);
                out.add(outputs.event(Topics.COMMITS_V1, raw.integration(), repository,
                        raw.integration() + "/" + repository + "/" + hash, CommitEvent.TYPE_NEW, commit));
            }
            out.addAll(outputs.deferredFiles(commits));
            for (int i = 0; i < refEvents.size(); i++) {
                RefChangeEvent event = refEvents.get(i);
                out.add(outputs.event(Topics.REFS_V1, raw.integration(), repository, raw.eventId() + "/ref/" + i,
                        event.type(), event));
            }
            return out;
        }

        /**
         * The push's new commits with every parent before its children, across all of its changes (each change lists
         * its own newest first), the changes in the push's order: a consumer never sees a commit before one it
         * descends from.
         */
        private List<String> parentsFirst() {
            List<String> ordered = new ArrayList<>();
            Set<String> placed = new HashSet<>();
            for (String hash : newCommits.keySet()) { // the changes in the push's order
                place(hash, placed, ordered);
            }
            return ordered;
        }

        private void place(String start, Set<String> placed, List<String> ordered) {
            // Iterative depth-first walk: a 2,000-commit chain must not overflow the stack.
            java.util.Deque<String> stack = new java.util.ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                String hash = stack.peek();
                if (placed.contains(hash)) {
                    stack.pop();
                    continue;
                }
                String pending = null;
                for (String parent : newCommits.get(hash).parents()) {
                    if (newCommits.containsKey(parent) && !placed.contains(parent)) {
                        pending = parent;
                        break;
                    }
                }
                if (pending != null) {
                    stack.push(pending);
                } else {
                    stack.pop();
                    placed.add(hash);
                    ordered.add(hash);
                }
            }
        }

        private CommitEvent commitEvent(ListedCommit commit) {
            Optional<List<FileChange>> found = files.getOrDefault(commit.hash(), Optional.empty());
            return new CommitEvent(raw.integration(), raw.flavor().id(), push.repository(), commit.hash(),
                    commit.message(), commit.author(), commit.committer(), commit.authorDate(),
                    commit.committerDate(), commit.parents(),
                    List.copyOf(branchesOf.getOrDefault(commit.hash(), Set.of())), found.orElse(List.of()),
                    found.isEmpty(), commit.url(), origin());
        }

        private RefChangeEvent refEvent(RefUpdate update, boolean forced, List<String> brought, List<String> known) {
            return new RefChangeEvent(raw.integration(), raw.flavor().id(), push.repository(), update.ref(),
                    update.refType(), update.change(), forced, update.oldHash(), update.newHash(), brought, known,
                    update.tagMessage(), push.actor(), raw.receivedAt(), origin(),
                    CommitMessage.of(brought, hash -> newCommits.get(hash).message()));
        }

        private Origin origin() {
            return new Origin(raw.eventId(), raw.eventKey(), raw.receivedAt());
        }
    }
}
