package dev.bitbridge.testkit.bitbucket.auth;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Who made a request, and what they may do.
 *
 * @param credentialId the credential used (requests are counted per credential); {@code anonymous} without one
 * @param budgetKey the rate-limit budget it draws on: Cloud counts per user for user credentials (all API tokens of
 *        one account share one budget) and per access token
 * @param account the user acting, or the access token's bot user; {@code null} when anonymous
 * @param kind what kind of credential
 * @param scopes Cloud scopes granted (empty on Data Center)
 * @param granularScopes whether {@code scopes} use the API-token vocabulary
 * @param reach Cloud: the repositories the credential may reach at all (access tokens and workspace-bound OAuth
 *        consumers are limited)
 * @param grants Data Center permissions
 * @param dcLevelCap the highest Data Center repository level allowed whatever the grants (a personal token's
 *        permission caps its owner's)
 */
public record Principal(String credentialId, String budgetKey, Account account, Kind kind, Set<String> scopes,
        boolean granularScopes, Predicate<Repo> reach, List<DcGrant> grants, int dcLevelCap) {

    /** Kinds of credentials. */
    public enum Kind {
        ANONYMOUS,
        CLOUD_API_TOKEN,
        CLOUD_ACCESS_TOKEN,
        CLOUD_OAUTH,
        DC_USER,
        DC_PERSONAL_TOKEN,
        DC_RESOURCE_TOKEN
    }

    public static final Principal ANONYMOUS = new Principal("anonymous", "anonymous", null, Kind.ANONYMOUS, Set.of(),
            false, r -> false, List.of(), 0);

    public boolean anonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** @return whether the Cloud scope is granted */
    public boolean has(CloudScope scope) {
        return scope.grantedBy(scopes, granularScopes);
    }

    /** @return the Data Center repository level: 0 none, 1 read, 2 write, 3 admin */
    public int dcLevel(Repo repo) {
        return Math.min(dcLevelCap, grants.stream().mapToInt(g -> g.levelOn(repo)).max().orElse(0));
    }
}
