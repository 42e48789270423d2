package dev.bitbridge.testkit.bitbucket.datacenter;

import java.util.List;
import java.util.function.Function;

import dev.bitbridge.testkit.bitbucket.auth.Principal;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/** The check every Data Center repository endpoint makes: the repository exists and the caller's permission. */
final class DcAccess {

    static final int READ = 1;
    static final int ADMIN = 3;

    private final Model model;

    DcAccess(Model model) {
        this.model = model;
    }

    /**
     * @param p path parameters starting with project key and slug
     * @param level 1 (REPO_READ) or 3 (REPO_ADMIN)
     * @return the handler's answer, 404 for an unknown project or repository, or Data Center's 401 for a missing
     *         permission
     */
    SimResponse withRepo(List<String> p, Principal who, int level, Function<Repo, SimResponse> then) {
        if (model.owner(p.get(0)) == null) {
            return DcErrors.noProject(p.get(0));
        }
        Repo repo = model.repo(p.get(0), p.get(1));
        if (repo == null) {
            return DcErrors.noRepository(p.get(0), p.get(1));
        }
        return who.dcLevel(repo) < level ? DcErrors.notPermitted() : then.apply(repo);
    }
}
