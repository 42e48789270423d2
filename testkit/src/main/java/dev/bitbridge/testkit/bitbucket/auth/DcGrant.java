package dev.bitbridge.testkit.bitbucket.auth;

import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * A Data Center permission on a project, a repository, or (for {@link DcPermission#SYS_ADMIN}) everything.
 *
 * @param permission what is granted
 * @param projectKey the project it applies to, or {@code null} for a global grant
 * @param repoSlug the repository it applies to, or {@code null} for the whole project
 */
public record DcGrant(DcPermission permission, String projectKey, String repoSlug) {

    /** @return the repository level (0 none, 1 read, 2 write, 3 admin) this grant gives on the repository */
    public int levelOn(Repo repo) {
        if (permission == DcPermission.SYS_ADMIN) {
            return 3;
        }
        if (!repo.owner().key().equals(projectKey)) {
            return 0;
        }
        if (repoSlug == null || repo.slug().equals(repoSlug)) {
            return permission.repositoryLevel();
        }
        return 0;
    }
}
