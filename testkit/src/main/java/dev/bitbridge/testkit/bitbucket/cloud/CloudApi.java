package dev.bitbridge.testkit.bitbucket.cloud;

import java.util.ArrayList;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.auth.CloudScope;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.auth.Principal.Kind;
import dev.bitbridge.testkit.bitbucket.delivery.EventSink;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.CloudPage;
import dev.bitbridge.testkit.bitbucket.http.Router;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Owner;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * The Bitbucket Cloud 2.0 endpoints a client needs to test a connection and read what a webhook announced: user,
 * workspace, repositories, branches; commits and diffstats ({@link CloudCommitsApi}), pull requests
 * ({@link CloudPullRequestsApi}), hooks ({@link CloudHooksApi}) and build statuses ({@link CloudStatusesApi}).
 */
public final class CloudApi {

    private final Model model;
    private final CloudAccess access;
    private final Router<Principal> router = new Router<>();

    public CloudApi(Model model, String origin, EventSink events, CloudHookPolicy hookPolicy) {
        this.model = model;
        this.access = new CloudAccess(model);
        CloudJson json = new CloudJson(origin);
        CloudPayloads payloads = new CloudPayloads(json);
        router.add("GET", "/2.0/user", (r, p, who) -> user(json, who))
                .add("GET", "/2.0/workspaces/{ws}", (r, p, who) -> workspace(json, p.get(0), who))
                .add("GET", "/2.0/repositories/{ws}", (r, p, who) -> repositories(json, r, p.get(0), who))
                .add("GET", "/2.0/repositories/{ws}/{slug}", (r, p, who) -> withRepo(who, p, CloudScope.REPOSITORY,
                        repo -> SimResponse.json(200, json.repositoryFull(repo))))
                .add("GET", "/2.0/repositories/{ws}/{slug}/refs/branches", (r, p, who) -> withRepo(who, p,
                        CloudScope.REPOSITORY, repo -> CloudPage.of(r, new ArrayList<>(repo.branches().entrySet()),
                                CloudPage.MAX_PAGELEN, e -> json.ref(repo, "branch", e.getKey(),
                                        repo.commit(e.getValue())))))
                // One branch; its name takes the rest of the path, slashes raw or encoded ("feature/x", "feature%2Fx").
                .add("GET", "/2.0/repositories/{ws}/{slug}/refs/branches/{name*}", (r, p, who) -> withRepo(who, p,
                        CloudScope.REPOSITORY, repo -> branch(json, repo, p.get(2))));
        new CloudCommitsApi(access, json).register(router);
        new CloudPullRequestsApi(access, json, payloads).register(router);
        new CloudHooksApi(model, access, json, hookPolicy).register(router);
        new CloudStatusesApi(model, access, json, events).register(router);
    }

    /** @return the answer to an authenticated (or anonymous) API request */
    public SimResponse handle(SimRequest request, Principal who) {
        synchronized (model) {
            return router.route(request, who, r -> CloudErrors.notFound("Resource not found"),
                    r -> CloudErrors.of(405, "Method not allowed"));
        }
    }

    private SimResponse withRepo(Principal who, List<String> p, CloudScope scope,
            java.util.function.Function<Repo, SimResponse> then) {
        return access.withRepo(who, p.get(0), p.get(1), scope, then);
    }

    /** Bitbucket's answer names the branch; the exact wording is not known from a capture. */
    private static SimResponse branch(CloudJson json, Repo repo, String name) {
        String hash = repo.branch(name);
        return hash == null ? CloudErrors.notFound("Branch \"" + name + "\" does not exist.")
                : SimResponse.json(200, json.ref(repo, "branch", name, repo.commit(hash)));
    }

    private SimResponse user(CloudJson json, Principal who) {
        // Access tokens act as a bot, not as a user: /user is not for them.
        if (who.anonymous() || who.kind() == Kind.CLOUD_ACCESS_TOKEN) {
            return CloudErrors.of(401, CloudErrors.TOKEN_INVALID);
        }
        SimResponse refused = access.scopes(who, CloudScope.ACCOUNT);
        return refused != null ? refused : SimResponse.json(200, json.account(who.account()));
    }

    private SimResponse workspace(CloudJson json, String slug, Principal who) {
        SimResponse refused = access.scopes(who, CloudScope.WORKSPACE);
        if (refused != null) {
            return refused;
        }
        Owner owner = model.owner(slug);
        if (owner == null || owner.repos().stream().noneMatch(who.reach()) && who.kind() != Kind.CLOUD_API_TOKEN) {
            return CloudErrors.notFound("No workspace with identifier '" + slug + "'.");
        }
        return SimResponse.json(200, json.workspace(owner));
    }

    private SimResponse repositories(CloudJson json, SimRequest r, String slug, Principal who) {
        SimResponse refused = access.scopes(who, CloudScope.REPOSITORY);
        if (refused != null) {
            return refused;
        }
        Owner owner = model.owner(slug);
        if (owner == null) {
            return CloudErrors.notFound("No workspace with identifier '" + slug + "'.");
        }
        return CloudPage.of(r, owner.repos().stream().filter(who.reach()).toList(), CloudPage.MAX_PAGELEN,
                json::repositoryFull);
    }

}
