package dev.bitbridge.testkit.jenkins;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * {@code POST {job}/buildWithParameters} and {@code POST {job}/build}, in the order of Jenkins'
 * {@code ParameterizedJobMixIn} (jenkins.md "Triggering"). {@code buildWithParameters}: Build permission or the job's
 * token (403), POST (405), enabled (409), parameterised (400); each defined parameter from the request or its default,
 * others ignored; 201 with the new item's {@code Location}, 303 when merged into a waiting item, 302 to the job page when
 * vetoed. {@code build}: enabled (409) first, then the same permission checks; on a parameterised job only a
 * {@code json} form ({@code {"parameter":[{"name":..,"value":..}]}}) is read (else 400), and a merge answers 302; on
 * a job without parameters a merge answers 201 with the existing item. {@code delay} is read as
 * {@code TimeDuration}: {@code 0sec}, {@code 10sec}, or milliseconds without a unit.
 */
final class TriggerApi {

    private final JenkinsModel model;

    TriggerApi(JenkinsModel model) {
        this.model = model;
    }

    SimResponse buildWithParameters(Call call, Job job) {
        String path = call.request().uri().getRawPath();
        Duration delay;
        try {
            delay = delay(call.parameter("delay"));
        } catch (IllegalArgumentException e) {
            return JenkinsErrors.error(500, e.getMessage(), path);
        }
        BuildCause cause = cause(call, job);
        SimResponse refused = checkPermission(call, job);
        if (refused != null) {
            return refused;
        }
        if (job.disabled()) {
            return JenkinsErrors.error(409, job.fullName() + " is not buildable", path);
        }
        if (!job.parameterised()) {
            return JenkinsErrors.error(400, job.fullName() + " is not parameterized", path);
        }
        Map<String, List<String>> given = call.parameters();
        List<ParamValue> values = new ArrayList<>();
        for (JobParameter definition : job.parameters()) {
            List<String> value = given.get(definition.name());
            if (value == null) {
                values.add(new ParamValue(definition.name(), definition.defaultValue()));
            } else if (value.size() != 1) {
                return JenkinsErrors.error(500, "Illegal number of parameter values for " + definition.name() + ": "
                        + value.size(), path);
            } else {
                values.add(new ParamValue(definition.name(), value.get(0)));
            }
        }
        JenkinsQueue.Scheduled scheduled = model.schedule(job, values, cause, delay);
        if (scheduled == null) {
            return redirect(302, call.absolute(job.urlPath()));
        }
        return redirect(scheduled.created() ? 201 : 303, call.absolute(itemUrl(scheduled.item())));
    }

    SimResponse build(Call call, Job job) {
        String path = call.request().uri().getRawPath();
        Duration delay;
        try {
            delay = delay(call.parameter("delay"));
        } catch (IllegalArgumentException e) {
            return JenkinsErrors.error(500, e.getMessage(), path);
        }
        if (job.disabled()) {
            return JenkinsErrors.error(409, job.fullName() + " is not buildable", path);
        }
        if (job.parameterised() && !call.post()) {
            return JenkinsErrors.html(200, JenkinsErrors.page(job.displayName(), "<form method=\"post\" action="
                    + "\"build\"><h1>This build requires parameters</h1></form>"));
        }
        BuildCause cause = cause(call, job);
        SimResponse refused = checkPermission(call, job);
        if (refused != null) {
            return refused;
        }
        if (!job.parameterised()) {
            JenkinsQueue.Scheduled scheduled = model.schedule(job, null, cause, delay);
            return scheduled == null ? redirect(302, call.absolute(job.urlPath()))
                    : redirect(201, call.absolute(itemUrl(scheduled.item())));
        }
        String form = call.parameter("json");
        if (form == null) {
            return JenkinsErrors.error(400, call.parameters().isEmpty() ? "Nothing is submitted"
                    : "This page expects a form submission", path);
        }
        JsonNode submitted = Json.parse(form.getBytes(StandardCharsets.UTF_8));
        if (submitted == null || !submitted.isObject()) {
            return JenkinsErrors.error(500, "A JSONObject text must begin with '{'", path);
        }
        List<ParamValue> values = new ArrayList<>();
        JsonNode parameters = submitted.path("parameter");
        for (JsonNode p : parameters.isArray() ? parameters : Json.array().add(parameters)) {
            if (p.isMissingNode() || p.isNull()) {
                continue;
            }
            String name = p.path("name").asText();
            if (job.parameter(name) == null) {
                return JenkinsErrors.error(500, "No such parameter definition: " + name, path);
            }
            values.add(new ParamValue(name, p.path("value").asText("")));
        }
        JenkinsQueue.Scheduled scheduled = model.schedule(job, values, cause, delay);
        if (scheduled == null || !scheduled.created()) {
            return redirect(302, call.absolute(job.urlPath()));
        }
        return redirect(submitted.path("statusCode").asInt(201), call.absolute(itemUrl(scheduled.item())));
    }

    /** {@code BuildAuthorizationToken.checkPermission}: the job's token, else Build permission; then POST only. */
    private SimResponse checkPermission(Call call, Job job) {
        String token = call.parameter("token");
        if (job.authToken() != null && token != null) {
            if (token.equals(job.authToken())) {
                return null;
            }
            return JenkinsErrors.accessDenied(call.caller(), Permission.JOB_BUILD);
        }
        if (!model.users.has(call.caller(), Permission.JOB_BUILD, job.path())) {
            return JenkinsErrors.accessDenied(call.caller(), Permission.JOB_BUILD);
        }
        return call.post() ? null : JenkinsErrors.requirePost();
    }

    private static BuildCause cause(Call call, Job job) {
        return job.authToken() != null && call.parameter("token") != null ? BuildCause.remote("127.0.0.1")
                : BuildCause.user(call.caller().name());
    }

    /** @return the quiet period asked for, or {@code null} for the default ({@code TimeDuration.fromString}) */
    static Duration delay(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        long unit = 1;
        if (value.endsWith("sec") || value.endsWith("secs")) {
            value = value.substring(0, value.lastIndexOf("sec")).trim();
            unit = 1000;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value) * unit / 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid time duration value: " + value, e);
        }
    }

    private static String itemUrl(QueueItem item) {
        return "queue/item/" + item.id() + "/";
    }

    private static SimResponse redirect(int status, String location) {
        return SimResponse.empty(status).header("Location", location);
    }
}
