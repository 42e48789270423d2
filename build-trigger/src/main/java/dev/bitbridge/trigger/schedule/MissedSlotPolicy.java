package dev.bitbridge.trigger.schedule;

import java.util.Arrays;
import java.util.Optional;

/** What a schedule builds for slots missed while build-trigger was not running (README, ADR 13). */
public enum MissedSlotPolicy {

    /** One build for the most recent missed slot, if it is within the catch-up window; none for the others. */
    LATEST("latest"),
    /** No build for missed slots: the next regular slot builds. */
    SKIP("skip");

    private final String value;

    MissedSlotPolicy(String value) {
        this.value = value;
    }

    /** @return the policy as the API and the database spell it */
    public String value() {
        return value;
    }

    /** @return the policy spelled {@code value} */
    public static Optional<MissedSlotPolicy> of(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
