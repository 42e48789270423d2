package dev.bitbridge.testkit.jenkins;

import java.util.ArrayList;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.http.UrlPaths;

/**
 * Everything under {@code /job/...}: folders nest as {@code /job/{folder}/job/{name}}, each segment URL-decoded once
 * (a branch job {@code feature%2Ffoo} is reached as {@code feature%252Ffoo}). An item the caller cannot read answers
 * 404 as a missing one, or 403 with Job/Discover ({@code Jenkins.getItem}). On a job: {@code api/json},
 * {@code build}, {@code buildWithParameters} ({@link TriggerApi}), {@code {N}/api/json}, {@code {N}/stop} and the
 * permalinks {@code lastBuild}, {@code lastCompletedBuild}, {@code lastSuccessfulBuild}, {@code lastFailedBuild}.
 * {@code POST {N}/stop} aborts a running build (Job/Cancel) and answers 302 to the {@code Referer} or the build page,
 * as {@code HttpResponses.forwardToPreviousPage} does; a finished build is left as it is.
 */
final class JobApi {

    private final JenkinsModel model;
    private final TriggerApi triggers;

    JobApi(JenkinsModel model) {
        this.model = model;
        this.triggers = new TriggerApi(model);
    }

    SimResponse handle(Call call) {
        List<String> segments = new ArrayList<>();
        for (String raw : call.request().uri().getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(UrlPaths.decode(raw));
            }
        }
        TreeItem item = model.tree.root();
        int at = 0;
        while (at + 1 < segments.size() && segments.get(at).equals("job") && item instanceof Folder folder) {
            TreeItem child = folder.child(segments.get(at + 1));
            if (child == null || !model.users.has(call.caller(), Permission.JOB_READ, child.path())) {
                return child != null && model.users.has(call.caller(), Permission.JOB_DISCOVER, child.path())
                        ? JenkinsErrors.accessDenied(call.caller(), Permission.JOB_READ)
                        : JenkinsErrors.notFound();
            }
            item = child;
            at += 2;
        }
        List<String> rest = segments.subList(at, segments.size());
        if (item == model.tree.root()) {
            return JenkinsErrors.notFound();
        }
        if (item instanceof Job job) {
            return job(call, job, rest);
        }
        if (rest.isEmpty()) {
            return page(item.displayName());
        }
        Folder folder = (Folder) item;
        return isApiJson(rest) ? ApiJson.serve(call, model.now(), model.readable(call.caller()), json -> json
                .folder(folder)) : JenkinsErrors.notFound();
    }

    private SimResponse job(Call call, Job job, List<String> rest) {
        if (rest.isEmpty()) {
            return page(job.displayName());
        }
        if (isApiJson(rest)) {
            long now = model.now();
            List<QueueItem> queued = model.queue.inQueue(now).stream().filter(i -> i.job() == job).toList();
            return ApiJson.serve(call, now, model.readable(call.caller()), json -> json.job(job, queued));
        }
        if (rest.size() == 1 && rest.get(0).equals("build")) {
            return triggers.build(call, job);
        }
        if (rest.size() == 1 && rest.get(0).equals("buildWithParameters")) {
            return triggers.buildWithParameters(call, job);
        }
        Build build = build(job, rest.get(0));
        if (build == null) {
            return JenkinsErrors.notFound();
        }
        List<String> inBuild = rest.subList(1, rest.size());
        if (inBuild.isEmpty()) {
            return page(job.displayName() + " #" + build.number());
        }
        if (isApiJson(inBuild)) {
            return ApiJson.serve(call, model.now(), model.readable(call.caller()), json -> json.build(build));
        }
        if (inBuild.size() == 1 && inBuild.get(0).equals("stop")) {
            return stop(call, build);
        }
        return JenkinsErrors.notFound();
    }

    /** {@code Run.doStop}: aborts a running build (Job/Cancel), then redirects to the previous page. */
    private SimResponse stop(Call call, Build build) {
        if (!call.post()) {
            return JenkinsErrors.requirePost();
        }
        long now = model.now();
        if (build.building(now)) {
            if (!model.users.has(call.caller(), Permission.JOB_CANCEL, build.job().path())) {
                return JenkinsErrors.accessDenied(call.caller(), Permission.JOB_CANCEL);
            }
            build.stop(now);
        }
        String referer = call.request().header("Referer");
        return SimResponse.empty(302).header("Location", referer != null ? referer : call.absolute(build.urlPath()));
    }

    private Build build(Job job, String segment) {
        long now = model.now();
        List<Build> builds = job.builds();
        switch (segment) {
            case "lastBuild":
                return builds.isEmpty() ? null : builds.get(0);
            case "lastCompletedBuild":
                return builds.stream().filter(b -> !b.building(now)).findFirst().orElse(null);
            case "lastSuccessfulBuild":
                return builds.stream().filter(b -> !b.building(now) && b.result(now).successful()).findFirst()
                        .orElse(null);
            case "lastFailedBuild":
                return builds.stream().filter(b -> !b.building(now) && b.result(now) == BuildResult.FAILURE)
                        .findFirst().orElse(null);
            default:
                try {
                    return job.build(Integer.parseInt(segment));
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }

    private static boolean isApiJson(List<String> rest) {
        return rest.size() == 2 && rest.get(0).equals("api") && rest.get(1).equals("json");
    }

    private static SimResponse page(String title) {
        return JenkinsErrors.html(200, JenkinsErrors.page(title, "<h1>" + JenkinsErrors.escape(title) + "</h1>"));
    }
}
