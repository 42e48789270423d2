package dev.bitbridge.testkit.bitbucket.cloud;

import java.util.List;

import dev.bitbridge.testkit.bitbucket.auth.CloudScope;
import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/** The checks every Cloud endpoint makes: scopes, then whether the caller may see the repository at all. */
final class CloudAccess {

    private final Model model;

    CloudAccess(Model model) {
        this.model = model;
    }

    /**
     * @return a 403 naming the scopes when one is missing, else {@code null}; anonymous callers are let through to
     *         the resource check, which hides private resources from them with a 404
     */
    SimResponse scopes(Principal who, CloudScope... required) {
        if (who.anonymous()) {
            return null;
        }
        List<String> missing = java.util.Arrays.stream(required).filter(s -> !who.has(s))
                .map(s -> s.name(who.granularScopes())).distinct().toList();
        return missing.isEmpty() ? null : CloudErrors.missingScopes(missing, who.scopes());
    }

    /** @return the repository when it exists and the caller may reach it, else {@code null} */
    Repo repo(Principal who, String workspace, String slug) {
        Repo repo = model.repo(workspace, slug);
        return repo != null && who.reach().test(repo) ? repo : null;
    }

    /**
     * @return the handler's answer for a repository the caller may read with the scope, or the refusal: 403 for a
     *         missing scope, 404 for a repository it cannot see
     */
    SimResponse withRepo(Principal who, String workspace, String slug, CloudScope scope,
            java.util.function.Function<Repo, SimResponse> then) {
        SimResponse refused = scopes(who, scope);
        if (refused != null) {
            return refused;
        }
        Repo repo = repo(who, workspace, slug);
        return repo == null ? noRepository() : then.apply(repo);
    }

    static SimResponse noRepository() {
        return CloudErrors.notFound(CloudErrors.NO_REPOSITORY);
    }
}
