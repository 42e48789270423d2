package dev.bitbridge.testkit.bitbucket.model;

import java.time.Instant;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.HookView;

/** A webhook registered on a repository. Mutable; guarded by the {@link Model}'s lock. */
public final class Hook {

    public final String id;
    public final Instant createdAt;
    public String url;
    public String description;
    public List<String> events;
    public boolean active;
    public String secret;
    public boolean sslVerificationRequired = true;
    public Instant updatedAt;

    public Hook(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** @return an immutable snapshot */
    public HookView view() {
        return new HookView(id, url, description, List.copyOf(events), active, secret, sslVerificationRequired);
    }

    /** @return whether an event with this key is delivered to it */
    public boolean wants(String eventKey) {
        return active && events.contains(eventKey);
    }
}
