package dev.bitbridge.connector.webhooks;

import java.util.List;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;

/** A repository's hooks on one flavor of Bitbucket. */
public interface HookApi {

    Uni<List<RemoteHook>> list(Access access, String repository);

    /** @return the new hook's id */
    Uni<String> create(Access access, String repository, HookSpec spec);

    Uni<Void> update(Access access, String repository, String id, HookSpec spec);

    /** Deleting a hook that is already gone succeeds. */
    Uni<Void> delete(Access access, String repository, String id);
}
