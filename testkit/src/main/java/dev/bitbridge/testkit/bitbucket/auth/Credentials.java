package dev.bitbridge.testkit.bitbucket.auth;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bitbridge.testkit.bitbucket.Account;

/** The credentials a simulator accepts (and the app passwords it refuses). Thread-safe. */
public final class Credentials {

    /** A Cloud API token: Basic auth with the account's e-mail and the token; without scopes it does not work. */
    public record ApiToken(String id, Account account, String token, Set<String> scopes) {
    }

    /**
     * A Cloud repository, project or workspace access token: Bearer only, limited to its resource.
     *
     * @param projectKey the project for a project token, else {@code null}
     * @param repoSlug the repository for a repository token, else {@code null}
     */
    public record AccessToken(String id, String token, Set<String> scopes, String workspace, String projectKey,
            String repoSlug, Account bot) {
    }

    /** A legacy Cloud app password: refused since 2026-07-28. */
    public record AppPassword(String id, String username, String password) {
    }

    /**
     * A Cloud OAuth 2.0 consumer.
     *
     * @param user the account whose consent the authorize endpoint simulates, and for whom the client-credentials
     *        grant acts
     * @param workspace the workspace that owns the consumer: its tokens reach only it
     */
    public record OAuthConsumer(String id, String key, String secret, String callbackUrl, Set<String> scopes,
            Account user, String workspace) {
    }

    /** A Data Center user with a password. */
    public record DcUser(String id, Account account, String password, List<DcGrant> grants) {
    }

    /**
     * A Data Center HTTP access token.
     *
     * @param actor the token's owner (personal tokens) or its bot user (project and repository tokens)
     * @param personal whether it is a personal token (which also works as a Basic password)
     * @param grant what the token may do; for a personal token only the permission counts (no project or
     *        repository), as a cap on its owner's permissions
     */
    public record DcToken(String id, String token, Account actor, boolean personal, DcGrant grant) {
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final List<Object> all = new CopyOnWriteArrayList<>();

    /** @return a new credential id with this prefix */
    public String nextId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    public <T> T add(T credential) {
        all.add(credential);
        return credential;
    }

    /** Revokes a credential: requests with it are then refused (401), as after revoking it in Bitbucket. */
    public boolean remove(String id) {
        return all.removeIf(credential -> id.equals(idOf(credential)));
    }

    private static String idOf(Object credential) {
        if (credential instanceof ApiToken c) {
            return c.id();
        } else if (credential instanceof AccessToken c) {
            return c.id();
        } else if (credential instanceof AppPassword c) {
            return c.id();
        } else if (credential instanceof OAuthConsumer c) {
            return c.id();
        } else if (credential instanceof DcUser c) {
            return c.id();
        } else if (credential instanceof DcToken c) {
            return c.id();
        }
        return null;
    }

    /** @return the registered credentials of one kind */
    public <T> List<T> all(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
