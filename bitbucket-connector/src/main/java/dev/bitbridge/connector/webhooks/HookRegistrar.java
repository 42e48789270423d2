package dev.bitbridge.connector.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Keeps exactly one hook of an integration on a repository, as {@link HookSpec} says: creates it when missing,
 * repairs its URL, events, secret or active flag when someone changed them, removes duplicates of ours. A hook is
 * ours when its id is the one recorded at connect time, or when it delivers to this integration's ingress URL; every
 * other hook on the repository is left alone.
 */
@ApplicationScoped
public class HookRegistrar {

    private final CloudHooks cloud;
    private final DataCenterHooks dataCenter;

    HookRegistrar(CloudHooks cloud, DataCenterHooks dataCenter) {
        this.cloud = cloud;
        this.dataCenter = dataCenter;
    }

    /**
     * @param knownId the id recorded when the hook was created, if any
     * @param force rewrite our hook even when nothing visible drifted (Cloud cannot show whether its secret is still
     *        ours)
     */
    public Uni<HookOutcome> ensure(Access access, String repository, HookSpec spec, Optional<String> knownId,
            boolean force) {
        HookApi api = api(access);
        return api.list(access, repository).chain(hooks -> {
            List<RemoteHook> ours = hooks.stream().filter(h -> isOurs(h, spec, knownId)).toList();
            if (ours.isEmpty()) {
                return api.create(access, repository, spec)
                        .map(id -> knownId.isPresent()
                                ? new HookOutcome(id, "repaired", "repaired: the hook was missing and was created again")
                                : new HookOutcome(id, "registered", "hook created"));
            }
            RemoteHook keep = ours.stream().filter(h -> knownId.filter(h.id()::equals).isPresent()).findFirst()
                    .orElse(ours.get(0));
            List<String> drift = drift(keep, spec);
            Uni<Void> removeDuplicates = Multi.createFrom().iterable(ours)
                    .filter(h -> !h.id().equals(keep.id()))
                    .onItem().transformToUniAndConcatenate(h -> api.delete(access, repository, h.id()))
                    .collect().last().replaceWithVoid();
            if (drift.isEmpty() && !force) {
                return removeDuplicates.map(v -> new HookOutcome(keep.id(), "registered", "hook in place"));
            }
            String why = drift.isEmpty() ? "hook rewritten" : "repaired: " + String.join(", ", drift);
            return api.update(access, repository, keep.id(), spec)
                    .chain(() -> removeDuplicates)
                    .map(v -> new HookOutcome(keep.id(), "repaired", why));
        });
    }

    /** Removes every hook of ours from the repository. */
    public Uni<Void> remove(Access access, String repository, HookSpec spec, Optional<String> knownId) {
        HookApi api = api(access);
        return api.list(access, repository)
                .onItem().transformToMulti(hooks -> Multi.createFrom().iterable(hooks))
                .filter(h -> isOurs(h, spec, knownId))
                .onItem().transformToUniAndConcatenate(h -> api.delete(access, repository, h.id()))
                .collect().last().replaceWithVoid();
    }

    /** @return what differs between Bitbucket's hook and ours, by attribute */
    static List<String> drift(RemoteHook hook, HookSpec spec) {
        List<String> drift = new ArrayList<>();
        if (!hook.url().equals(spec.url())) {
            drift.add("url");
        }
        if (!new TreeSet<>(hook.events()).equals(new TreeSet<>(spec.events()))) {
            drift.add("events");
        }
        if (!hook.secretSet() || hook.secret().filter(s -> !s.equals(spec.secret())).isPresent()) {
            drift.add("secret");
        }
        if (!hook.active()) {
            drift.add("active");
        }
        return drift;
    }

    static boolean isOurs(RemoteHook hook, HookSpec spec, Optional<String> knownId) {
        return knownId.filter(hook.id()::equals).isPresent() || withoutQuery(hook.url()).equals(
                withoutQuery(spec.url()));
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private HookApi api(Access access) {
        return access.target().flavor() == BitbucketFlavor.CLOUD ? cloud : dataCenter;
    }

    /**
     * @param id the hook's id on Bitbucket
     * @param state {@code registered} or {@code repaired}
     * @param detail what was done
     */
    public record HookOutcome(String id, String state, String detail) {
    }
}
