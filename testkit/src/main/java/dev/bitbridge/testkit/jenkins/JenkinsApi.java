package dev.bitbridge.testkit.jenkins;

import java.util.List;

import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * The remote access API in the order Jenkins' filters and Stapler apply it (jenkins.md "Authentication and CSRF"):
 * Basic credentials (401 when refused), then the crumb of a POST not authenticated by an API token (403 "No valid
 * crumb was included in the request"), then Overall/Read (403), then the URL. Serves {@code /}, {@code /api/json},
 * {@code /crumbIssuer/api/json}, {@code /me/api/json}, the queue ({@link QueueApi}) and jobs ({@link JobApi}).
 */
final class JenkinsApi {

    /** An answer and whom it was for ({@code null} when the credentials were refused). */
    record Served(SimResponse response, String user) {
    }

    private final JenkinsModel model;
    private final Router<Call> router = new Router<>();

    JenkinsApi(JenkinsModel model) {
        this.model = model;
        QueueApi queue = new QueueApi(model);
        JobApi jobs = new JobApi(model);
        router.add("GET", "/", (r, p, call) -> JenkinsErrors.html(200, JenkinsErrors.page("Dashboard",
                "<h1>Dashboard</h1>")))
                .add("GET", "/api/json", (r, p, call) -> ApiJson.serve(call, model.now(), model.readable(call.caller()),
                        json -> json.folder(model.tree.root())))
                .add("GET", "/crumbIssuer/api/json", (r, p, call) -> crumb(call))
                .add("GET", "/me/api/json", (r, p, call) -> ApiJson.serve(call, model.now(), model.readable(call.caller()),
                        json -> json.user(call.caller().name())))
                .add("GET", "/queue/api/json", (r, p, call) -> queue.list(call))
                .add("GET", "/queue/item/{id}/api/json", (r, p, call) -> queue.item(call, p.get(0)))
                .add("POST", "/queue/cancelItem", (r, p, call) -> queue.cancel(call))
                .add("GET", "/job/{rest*}", (r, p, call) -> jobs.handle(call))
                .add("POST", "/job/{rest*}", (r, p, call) -> jobs.handle(call));
    }

    Served serve(SimRequest request) {
        String path = request.uri().getRawPath();
        JenkinsUsers.Authentication auth = model.users.authenticate(request.header("Authorization"));
        if (auth.caller() == null) {
            return new Served(JenkinsErrors.badCredentials(auth.failure(), path), null);
        }
        Caller caller = auth.caller();
        if ("POST".equals(request.method()) && !caller.viaApiToken()) {
            SimResponse refused = checkCrumb(request, caller, path);
            if (refused != null) {
                return new Served(refused, caller.name());
            }
        }
        if (!model.users.has(caller, Permission.OVERALL_READ, List.of())) {
            return new Served(JenkinsErrors.accessDenied(caller, Permission.OVERALL_READ), caller.name());
        }
        Call call = Call.of(request, caller, model.rootUrl());
        SimResponse response = router.route(request, call, r -> JenkinsErrors.notFound(),
                r -> JenkinsErrors.requirePost());
        return new Served(response, caller.name());
    }

    /** CrumbFilter: the crumb comes as a header, else as a parameter, and must match the session's. */
    private SimResponse checkCrumb(SimRequest request, Caller caller, String path) {
        String session = model.sessions.fromCookies(request.header("Cookie"));
        String crumb = request.header(Sessions.CRUMB_FIELD);
        if (crumb == null) {
            crumb = Call.of(request, caller, null).parameter(Sessions.CRUMB_FIELD);
        }
        if (crumb != null && session != null && crumb.equals(model.sessions.crumb(caller.name(), session))) {
            return null;
        }
        SimResponse refused = JenkinsErrors.error(403, JenkinsErrors.NO_CRUMB, path);
        if (session == null) {
            // issuing the expected crumb opened a session, as DefaultCrumbIssuer's getSession() does
            refused.header("Set-Cookie", model.sessions.setCookie(model.sessions.create()));
        }
        return refused;
    }

    private SimResponse crumb(Call call) {
        String session = model.sessions.fromCookies(call.request().header("Cookie"));
        boolean created = session == null;
        if (created) {
            session = model.sessions.create();
        }
        SimResponse response = SimResponse.json(200, Json.object().put("_class",
                "hudson.security.csrf.DefaultCrumbIssuer").put("crumb",
                        model.sessions.crumb(call.caller().name(),
                                session))
                .put("crumbRequestField", Sessions.CRUMB_FIELD))
                .header("Content-Type", "application/json;charset=utf-8");
        return created ? response.header("Set-Cookie", model.sessions.setCookie(session)) : response;
    }
}
