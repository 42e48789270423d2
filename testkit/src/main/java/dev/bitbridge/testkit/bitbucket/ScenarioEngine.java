package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.cloud.CloudJson;
import dev.bitbridge.testkit.bitbucket.cloud.CloudPayloads;
import dev.bitbridge.testkit.bitbucket.datacenter.DcJson;
import dev.bitbridge.testkit.bitbucket.datacenter.DcPayloadStyle;
import dev.bitbridge.testkit.bitbucket.datacenter.DcPayloads;
import dev.bitbridge.testkit.bitbucket.delivery.EventSink;
import dev.bitbridge.testkit.bitbucket.model.AnnotatedTag;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.RefChange;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/** Carries out pushes on the model and sends the events they cause, in the simulator's flavor. */
final class ScenarioEngine {

    private final Model model;
    private final EventSink events;
    private final CloudPayloads cloud;
    private final DcPayloads dc;

    ScenarioEngine(Model model, EventSink events, String origin, DcPayloadStyle dcStyle) {
        this.model = model;
        this.events = events;
        this.cloud = new CloudPayloads(new CloudJson(origin));
        this.dc = new DcPayloads(new DcJson(origin), dcStyle);
    }

    CloudPayloads cloud() {
        return cloud;
    }

    DcPayloads dc() {
        return dc;
    }

    Map<String, String> push(RepoRef ref, Account actor, List<Push.RefUpdate> updates) {
        synchronized (model) {
            Repo repo = model.require(ref);
            Map<String, String> heads = new LinkedHashMap<>();
            List<RefChange> changes = new ArrayList<>();
            for (Push.RefUpdate u : updates) {
                RefChange change = apply(repo, u);
                changes.add(change);
                heads.put(u.name(), change.newHash());
            }
            if (model.flavor() == Flavor.CLOUD) {
                events.emit(repo, "repo:push", cloud.push(repo, actor, changes));
            } else {
                events.emit(repo, "repo:refs_changed", dc.refsChanged(repo, actor, model.clock().now(), changes));
            }
            Map<String, String> movedBranches = new LinkedHashMap<>();
            changes.stream().filter(c -> c.branch() && c.oldHash() != null && c.newHash() != null)
                    .forEach(c -> movedBranches.put(c.name(), c.oldHash()));
            pullRequestsMoved(repo, actor, movedBranches);
            return heads;
        }
    }

    private RefChange apply(Repo repo, Push.RefUpdate u) {
        boolean tag = "tag".equals(u.type());
        Map<String, String> refs = tag ? repo.tags() : repo.branches();
        String old = refs.get(u.name());
        AnnotatedTag oldTag = tag ? repo.annotatedTags().get(u.name()) : null;
        if (u.delete()) {
            if (old == null) {
                throw new IllegalArgumentException("No " + u.type() + " " + u.name() + " to delete in " + repo
                        .fullName());
            }
            refs.remove(u.name());
            repo.annotatedTags().remove(u.name());
            return new RefChange(u.type(), u.name(), old, null, oldTag, null, false);
        }
        String base = u.from() != null ? repo.resolveScenario(u.from())
                : old != null ? old : repo.resolve(repo.mainBranch());
        if (u.from() != null && base == null) {
            throw new IllegalArgumentException("Nothing named " + u.from() + " in " + repo.fullName());
        }
        List<Commit> added = model.commit(repo, base, u.commits());
        String head = added.isEmpty() ? base : added.get(added.size() - 1).hash();
        if (head == null) {
            throw new IllegalArgumentException("Nothing to point " + u.name() + " at in " + repo.fullName());
        }
        refs.put(u.name(), head);
        AnnotatedTag newTag = null;
        if (u.tagger() != null) {
            newTag = model.annotatedTag(repo, u.name(), head, u.tagger(), u.tagMessage());
            repo.annotatedTags().put(u.name(), newTag);
        } else if (tag) {
            repo.annotatedTags().remove(u.name());
        }
        boolean forced = !tag && old != null && !repo.graph().isAncestor(old, head);
        return new RefChange(u.type(), u.name(), old, head, oldTag, newTag, forced);
    }

    /** A push to a pull request's source branch also updates the pull request: the classic double trigger. */
    private void pullRequestsMoved(Repo source, Account actor, Map<String, String> moved) {
        for (Repo destination : model.repos()) {
            destination.pullRequests().stream()
                    .filter(pr -> pr.source == source && "OPEN".equals(pr.state) && moved.containsKey(pr.sourceBranch))
                    .forEach(pr -> {
                        pr.updatedOn = model.clock().now();
                        pr.version++;
                        if (model.flavor() == Flavor.CLOUD) {
                            events.emit(destination, "pullrequest:updated", cloud.pullRequest(pr, actor));
                        } else {
                            ObjectNode body = dc.pullRequest("pr:from_ref_updated", pr, actor, model.clock().now());
                            body.put("previousFromHash", moved.get(pr.sourceBranch));
                            events.emit(destination, "pr:from_ref_updated", body);
                        }
                    });
        }
    }
}
