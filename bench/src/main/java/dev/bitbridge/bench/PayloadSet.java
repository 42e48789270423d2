package dev.bitbridge.bench;

import java.util.List;

/**
 * The bodies a run cycles through: one per repository, all of the same shape and (nearly) the same size.
 *
 * @param origin where the bodies come from: a fixture path or "generated"
 * @param payloads the bodies, at least one
 */
public record PayloadSet(String origin, List<WebhookPayload> payloads) {

    public PayloadSet {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("A payload set needs at least one payload");
        }
        payloads = List.copyOf(payloads);
    }

    /** @return the i-th payload, cycling */
    public WebhookPayload get(long i) {
        return payloads.get((int) Math.floorMod(i, (long) payloads.size()));
    }

    /** @return the mean body size in bytes */
    public int meanSize() {
        return (int) Math.round(payloads.stream().mapToInt(p -> p.body().length).average().orElse(0));
    }
}
