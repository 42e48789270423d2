package dev.bitbridge.testkit.jenkins;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.http.Json;

/**
 * Jenkins' {@code api/json} views of jobs, folders and builds, with the fields and {@code _class} names of Jenkins
 * core and the Pipeline plugins. At {@code depth=0} nested builds show only {@code _class}, {@code number} and
 * {@code url}, as in Jenkins; with {@code depth=1} or a {@code tree} they are whole, and {@code allBuilds} (hidden
 * unless asked for) is there for {@code tree} to pick.
 */
final class JenkinsJson {

    private final long now;
    private final String root;
    private final boolean deep;
    private final boolean hidden;
    private final Predicate<TreeItem> visible;

    /**
     * @param root the root URL, ending with {@code /}
     * @param deep whether nested objects are whole ({@code depth} above 0, or a {@code tree} to filter)
     * @param hidden whether fields Jenkins shows only to a {@code tree} are there ({@code allBuilds})
     * @param visible which items the caller may see in lists
     */
    JenkinsJson(long now, String root, boolean deep, boolean hidden, Predicate<TreeItem> visible) {
        this.now = now;
        this.root = root;
        this.deep = deep;
        this.hidden = hidden;
        this.visible = visible;
    }

    ObjectNode job(Job job, List<QueueItem> queued) {
        ObjectNode out = item(job);
        ArrayNode actions = out.putArray("actions");
        if (job.parameterised()) {
            actions.add(ActionJson.parametersDefinition(job));
        }
        out.put("buildable", !job.disabled());
        List<Build> builds = job.builds();
        ArrayNode list = out.putArray("builds");
        builds.stream().limit(100).forEach(b -> list.add(buildRef(b)));
        if (hidden) {
            ArrayNode all = out.putArray("allBuilds");
            builds.forEach(b -> all.add(buildRef(b)));
        }
        out.put("color", color(job));
        ref(out, "firstBuild", builds.isEmpty() ? null : builds.get(builds.size() - 1));
        out.putArray("healthReport");
        out.put("inQueue", !queued.isEmpty());
        out.put("keepDependencies", false);
        List<Build> done = builds.stream().filter(b -> !b.building(now)).toList();
        ref(out, "lastBuild", builds.isEmpty() ? null : builds.get(0));
        ref(out, "lastCompletedBuild", done.isEmpty() ? null : done.get(0));
        ref(out, "lastFailedBuild", last(done, r -> r == BuildResult.FAILURE));
        ref(out, "lastStableBuild", last(done, r -> r == BuildResult.SUCCESS));
        ref(out, "lastSuccessfulBuild", last(done, BuildResult::successful));
        ref(out, "lastUnstableBuild", last(done, r -> r == BuildResult.UNSTABLE));
        ref(out, "lastUnsuccessfulBuild", last(done, r -> r != BuildResult.SUCCESS));
        out.put("nextBuildNumber", job.nextBuildNumber());
        ArrayNode property = out.putArray("property");
        if (job.parameterised()) {
            property.add(ActionJson.parametersDefinition(job));
        }
        if (queued.isEmpty()) {
            out.putNull("queueItem");
        } else {
            out.set("queueItem", queueItem(queued.get(0)));
        }
        out.put("concurrentBuild", job.kind() == Job.Kind.PIPELINE);
        if (job.kind() == Job.Kind.FREESTYLE) {
            out.put("disabled", job.disabled());
        } else {
            out.put("resumeBlocked", false);
        }
        return out;
    }

    ObjectNode folder(Folder folder) {
        ObjectNode out = folder.kind() == Folder.Kind.ROOT ? Json.object().put("_class", folder.className())
                : item(folder);
        if (folder.kind() == Folder.Kind.ROOT) {
            out.putArray("assignedLabels").addObject().put("name", "built-in");
            out.put("mode", "NORMAL").put("nodeDescription", "the Jenkins controller's built-in node")
                    .put("nodeName", "").put("numExecutors", 2).putNull("description");
        } else {
            out.putArray("actions");
            out.putArray("healthReport");
        }
        ArrayNode jobs = out.putArray("jobs");
        folder.children().stream().filter(visible).forEach(child -> jobs.add(itemRef(child)));
        ObjectNode view = Json.object().put("_class", "hudson.model.AllView").put("name", "all").put("url", root
                + folder.urlPath());
        out.set("primaryView", view);
        if (folder.kind() == Folder.Kind.ROOT) {
            out.putNull("quietDownReason").put("quietingDown", false).put("slaveAgentPort", -1);
            out.put("url", root).put("useCrumbs", true).put("useSecurity", true);
        }
        out.putArray("views").add(view.deepCopy());
        return out;
    }

    ObjectNode build(Build build) {
        Job job = build.job();
        ObjectNode out = Json.object().put("_class", job.runClassName());
        ArrayNode actions = out.putArray("actions");
        if (build.parameters() != null) {
            actions.add(ActionJson.parametersAction(build.parameters()));
        }
        actions.add(ActionJson.causeAction(build.cause()));
        out.putArray("artifacts");
        boolean building = build.building(now);
        out.put("building", building).putNull("description").put("displayName", "#" + build.number())
                .put("duration", build.duration(now)).put("estimatedDuration", estimatedDuration(job));
        if (building) {
            out.putObject("executor").put("_class", "hudson.model.OneOffExecutor");
        } else {
            out.putNull("executor");
        }
        out.put("fullDisplayName", ActionJson.fullDisplayName(job) + " #" + build.number()).put("id", Integer.toString(build
                .number())).put("keepLog", false).put("number", build.number()).put("queueId", build.queueId());
        BuildResult result = build.result(now);
        if (result == null) {
            out.putNull("result");
        } else {
            out.put("result", result.name());
        }
        out.put("timestamp", build.startedAt()).put("url", root + build.urlPath());
        out.putArray("changeSets");
        out.putArray("culprits");
        out.put("inProgress", building);
        summary(out, "nextBuild", job.build(build.number() + 1));
        summary(out, "previousBuild", job.build(build.number() - 1));
        return out;
    }

    ObjectNode queueItem(QueueItem item) {
        QueueItem.State state = item.state(now);
        String kind = switch (state) {
            case WAITING -> "WaitingItem";
            case BUILDABLE -> "BuildableItem";
            case LEFT -> "LeftItem";
        };
        ObjectNode out = Json.object().put("_class", "hudson.model.Queue$" + kind);
        ArrayNode actions = out.putArray("actions");
        if (item.parameters() != null) {
            actions.add(ActionJson.parametersAction(item.parameters()));
        }
        actions.add(ActionJson.causeAction(item.cause()));
        out.put("blocked", false).put("buildable", state == QueueItem.State.BUILDABLE).put("id", item.id())
                .put("inQueueSince", item.inQueueSince());
        StringBuilder params = new StringBuilder();
        if (item.parameters() != null) {
            item.parameters().forEach(p -> params.append('\n').append(p.name()).append('=').append(p.value()));
        }
        out.put("params", params.toString()).put("stuck", false);
        out.set("task", itemRef(item.job()));
        out.put("url", "queue/item/" + item.id() + "/");
        switch (state) {
            case WAITING -> out.put("why", "In the quiet period. Expires in " + TimeSpans.of(item.quietUntil() - now))
                    .put("timestamp", item.quietUntil());
            case BUILDABLE -> out.put("why", "Waiting for next available executor")
                    .put("buildableStartMilliseconds", item.buildableSince()).put("pending", false);
            case LEFT -> {
                out.putNull("why").put("cancelled", item.cancelled());
                ref(out, "executable", item.build());
            }
        }
        return out;
    }

    ObjectNode user(String id) {
        ObjectNode out = Json.object().put("_class", "hudson.model.User").put("absoluteUrl", root + "user/" + id);
        out.putNull("description").put("fullName", id).put("id", id).putArray("property");
        return out;
    }

    /** @return {@code _class}, {@code name}, {@code url} and, for a job, {@code color}: an item in a list */
    ObjectNode itemRef(TreeItem item) {
        ObjectNode out = Json.object().put("_class", item.className()).put("name", item.name()).put("url", root + item
                .urlPath());
        if (item instanceof Job job) {
            out.put("color", color(job));
        }
        return out;
    }

    private ObjectNode item(TreeItem item) {
        ObjectNode out = Json.object().put("_class", item.className());
        out.putNull("description");
        out.put("displayName", item.displayName());
        if (item.displayNameOrNull() == null) {
            out.putNull("displayNameOrNull");
        } else {
            out.put("displayNameOrNull", item.displayNameOrNull());
        }
        out.put("fullDisplayName", ActionJson.fullDisplayName(item)).put("fullName", item.fullName()).put("name", item.name())
                .put("url", root + item.urlPath());
        return out;
    }

    private ObjectNode buildRef(Build build) {
        return deep ? build(build) : summary(build);
    }

    /** @return {@code _class}, {@code number} and {@code url} of a build */
    private ObjectNode summary(Build build) {
        return Json.object().put("_class", build.job().runClassName()).put("number", build.number()).put("url", root
                + build.urlPath());
    }

    /** A neighbour build, always as a summary, so that whole builds do not recurse into each other. */
    private void summary(ObjectNode out, String field, Build build) {
        if (build == null) {
            out.putNull(field);
        } else {
            out.set(field, summary(build));
        }
    }

    private void ref(ObjectNode out, String field, Build build) {
        if (build == null) {
            out.putNull(field);
        } else {
            out.set(field, buildRef(build));
        }
    }

    private Build last(List<Build> done, Predicate<BuildResult> test) {
        return done.stream().filter(b -> test.test(b.result(now))).findFirst().orElse(null);
    }

    private String color(Job job) {
        if (job.disabled()) {
            return "disabled";
        }
        List<Build> builds = job.builds();
        String base = builds.stream().filter(b -> !b.building(now)).findFirst().map(b -> b.result(now).color())
                .orElse("notbuilt");
        return !builds.isEmpty() && builds.get(0).building(now) ? base + "_anime" : base;
    }

    private long estimatedDuration(Job job) {
        List<Build> recent = job.builds().stream().filter(b -> !b.building(now) && b.result(now).successful())
                .limit(3).toList();
        return recent.isEmpty() ? -1 : recent.stream().mapToLong(b -> b.duration(now)).sum() / recent.size();
    }
}
