package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.cloud.CloudJson;
import dev.bitbridge.testkit.bitbucket.cloud.CloudPayloads;
import dev.bitbridge.testkit.bitbucket.datacenter.DcJson;
import dev.bitbridge.testkit.bitbucket.datacenter.DcPayloads;
import dev.bitbridge.testkit.bitbucket.delivery.EventSink;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/** Carries out pushes on the model and sends the events they cause, in the simulator's flavor. */
final class ScenarioEngine {

    private final Model model;
    private final EventSink events;
    private final CloudPayloads cloud;
    private final DcPayloads dc;

    ScenarioEngine(Model model, EventSink events, String origin) {
        this.model = model;
        this.events = events;
        this.cloud = new CloudPayloads(new CloudJson(origin));
        this.dc = new DcPayloads(new DcJson(origin));
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
            List<CloudPayloads.Change> cloudChanges = new ArrayList<>();
            List<DcPayloads.Change> dcChanges = new ArrayList<>();
            Map<String, String> movedBranches = new LinkedHashMap<>();
            for (Push.RefUpdate u : updates) {
                Map<String, String> refs = "tag".equals(u.type()) ? repo.tags() : repo.branches();
                String old = refs.get(u.name());
                String head;
                List<Commit> added = List.of();
                if (u.delete()) {
                    head = null;
                    refs.remove(u.name());
                } else {
                    String base = old != null ? old : repo.resolve(u.from() != null ? u.from() : repo.mainBranch());
                    added = model.commit(repo, base, u.commits());
                    head = added.isEmpty() ? base : added.get(added.size() - 1).hash();
                    if (head == null) {
                        throw new IllegalArgumentException("Nothing to point " + u.name() + " at in " + ref);
                    }
                    refs.put(u.name(), head);
                }
                List<Commit> newestFirst = new ArrayList<>(added);
                java.util.Collections.reverse(newestFirst);
                heads.put(u.name(), head);
                cloudChanges.add(new CloudPayloads.Change(u.type(), u.name(), old, head, newestFirst, false));
                dcChanges.add(new DcPayloads.Change(u.type().toUpperCase(), u.name(), old, head, newestFirst));
                if ("branch".equals(u.type()) && old != null && head != null) {
                    movedBranches.put(u.name(), old);
                }
            }
            if (model.flavor() == Flavor.CLOUD) {
                events.emit(repo, "repo:push", cloud.push(repo, actor, cloudChanges));
            } else {
                events.emit(repo, "repo:refs_changed", dc.refsChanged(repo, actor, model.clock().now(), dcChanges));
            }
            pullRequestsMoved(repo, actor, movedBranches);
            return heads;
        }
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
