package dev.bitbridge.testkit.bitbucket;

import java.util.List;

import dev.bitbridge.testkit.bitbucket.model.Hook;
import dev.bitbridge.testkit.bitbucket.model.Model;

/**
 * Changes a hook the way a person does in Bitbucket's UI, bypassing the REST API and its checks: for tests of drift
 * repair. Get one from {@link BitbucketSimulator#editHook(RepoRef, String)}; nothing changes until {@link #apply()}.
 */
public final class HookEdit {

    private final Model model;
    private final Hook hook;
    private String url;
    private List<String> events;
    private Boolean active;
    private String secret;
    private boolean secretChanged;

    HookEdit(Model model, Hook hook) {
        this.model = model;
        this.hook = hook;
    }

    public HookEdit url(String url) {
        this.url = url;
        return this;
    }

    public HookEdit events(String... events) {
        this.events = List.of(events);
        return this;
    }

    public HookEdit active(boolean active) {
        this.active = active;
        return this;
    }

    /** Sets the secret; {@code null} removes it. */
    public HookEdit secret(String secret) {
        this.secret = secret;
        this.secretChanged = true;
        return this;
    }

    /** @return the hook after the change */
    public HookView apply() {
        synchronized (model) {
            if (url != null) {
                hook.url = url;
            }
            if (events != null) {
                hook.events = events;
            }
            if (active != null) {
                hook.active = active;
            }
            if (secretChanged) {
                hook.secret = secret;
            }
            hook.updatedAt = model.clock().now();
            return hook.view();
        }
    }
}
