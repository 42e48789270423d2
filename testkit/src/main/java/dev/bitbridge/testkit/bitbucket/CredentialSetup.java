package dev.bitbridge.testkit.bitbucket;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bitbridge.testkit.bitbucket.auth.Credentials;
import dev.bitbridge.testkit.bitbucket.auth.DcGrant;
import dev.bitbridge.testkit.bitbucket.model.Model;

/**
 * Registers the credentials a simulator accepts. Each method returns the credential's id, under which
 * {@link BitbucketSimulator#requestCount(String)} counts its requests. Cloud methods are for a Cloud simulator, Data
 * Center methods for a Data Center one.
 */
public final class CredentialSetup {

    private final Model model;
    private final Credentials credentials;

    CredentialSetup(Model model, Credentials credentials) {
        this.model = model;
        this.credentials = credentials;
    }

    /**
     * A Cloud API token (Basic with the account's e-mail). Scopes use the API-token names, e.g.
     * {@code read:repository:bitbucket}; with none, the token does not work.
     */
    public String apiToken(Account account, String token, String... scopes) {
        return credentials.add(new Credentials.ApiToken(credentials.nextId("api-token"), account, token,
                Set.of(scopes))).id();
    }

    /**
     * Revokes a credential registered here, by the id its method returned: requests with it answer 401 from then on.
     *
     * @throws IllegalArgumentException when no credential has this id
     */
    public void revoke(String credentialId) {
        if (!credentials.remove(credentialId)) {
            throw new IllegalArgumentException("No credential " + credentialId);
        }
    }

    /** A legacy Cloud app password: registered so that a test can see it refused (401) although it is right. */
    public String appPassword(String username, String password) {
        return credentials.add(new Credentials.AppPassword(credentials.nextId("app-password"), username, password))
                .id();
    }

    /** A Cloud repository access token (Bearer); scopes use the classic names, e.g. {@code repository}. */
    public String repositoryAccessToken(RepoRef repo, String token, String... scopes) {
        return accessToken(repo.owner(), null, repo.slug(), token, scopes);
    }

    /** A Cloud project access token (Bearer). The simulator keeps every repository in project {@code PROJ}. */
    public String projectAccessToken(String workspace, String projectKey, String token, String... scopes) {
        return accessToken(workspace, projectKey, null, token, scopes);
    }

    /** A Cloud workspace access token (Bearer). */
    public String workspaceAccessToken(String workspace, String token, String... scopes) {
        return accessToken(workspace, null, null, token, scopes);
    }

    private String accessToken(String workspace, String project, String repo, String token, String... scopes) {
        String id = credentials.nextId("access-token");
        Account bot = model.addAccount("Access token " + id, id + "@bots.bitbucket.invalid");
        return credentials.add(new Credentials.AccessToken(id, token, Set.of(scopes), workspace, project, repo, bot))
                .id();
    }

    /**
     * A Cloud OAuth 2.0 consumer.
     *
     * @param callbackUrl where the authorize endpoint redirects
     * @param user whose consent is simulated, and for whom client-credentials tokens act
     * @param workspace the workspace owning the consumer (its tokens reach only it), or {@code null} for all
     * @param scopes classic scope names, e.g. {@code repository webhook pullrequest account}
     */
    public String oauthConsumer(String key, String secret, String callbackUrl, Account user, String workspace,
            String... scopes) {
        return credentials.add(new Credentials.OAuthConsumer(credentials.nextId("oauth-consumer"), key, secret,
                callbackUrl, Set.of(scopes), user, workspace)).id();
    }

    /** A Data Center user with a password (Basic) and no permission yet; see {@link #grant}. */
    public String dcUser(Account account, String password) {
        return credentials.add(new Credentials.DcUser(credentials.nextId("dc-user"), account, password,
                new CopyOnWriteArrayList<>())).id();
    }

    /**
     * Grants a Data Center user a permission.
     *
     * @param projectKey the project, or {@code null} with {@link DcPermission#SYS_ADMIN}
     * @param repoSlug the repository for {@code REPO_*} permissions, else {@code null}
     */
    public void grant(Account account, DcPermission permission, String projectKey, String repoSlug) {
        Credentials.DcUser user = credentials.all(Credentials.DcUser.class).stream()
                .filter(u -> u.account().equals(account)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Data Center user " + account.name()));
        user.grants().add(new DcGrant(permission, projectKey, repoSlug));
    }

    /** A Data Center personal HTTP access token: Bearer, or Basic with the username; capped at {@code permission}. */
    public String dcPersonalToken(Account owner, String token, DcPermission permission) {
        return credentials.add(new Credentials.DcToken(credentials.nextId("dc-personal-token"), token, owner, true,
                new DcGrant(permission, null, null))).id();
    }

    /** A Data Center project HTTP access token (Bearer only), acting as a bot user. */
    public String dcProjectToken(String projectKey, String token, DcPermission permission) {
        return dcResourceToken(new DcGrant(permission, projectKey, null), token);
    }

    /** A Data Center repository HTTP access token (Bearer only), acting as a bot user. */
    public String dcRepositoryToken(RepoRef repo, String token, DcPermission permission) {
        return dcResourceToken(new DcGrant(permission, repo.owner(), repo.slug()), token);
    }

    private String dcResourceToken(DcGrant grant, String token) {
        String id = credentials.nextId("dc-token");
        Account bot = model.addAccount("Access token " + id, id + "@bots.bitbucket.invalid");
        return credentials.add(new Credentials.DcToken(id, token, bot, false, grant)).id();
    }
}
