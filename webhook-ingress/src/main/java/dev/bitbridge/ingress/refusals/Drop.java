package dev.bitbridge.ingress.refusals;

/** Why a refusal was not reported; each is counted in {@code bitbridge_ingress_refusal_reports_dropped_total{reason}}. */
public enum Drop {

    /** The integration's token bucket was empty (bitbridge.ingress.refusals.rate and .burst). */
    RATE_LIMITED("rate_limited"),

    /** As many reports as {@code refusals.max-in-flight} were already waiting for Kafka. */
    TOO_MANY_IN_FLIGHT("too_many_in_flight"),

    /** Kafka did not take the record: unreachable, topic missing, not authorized, or the channel is broken. */
    KAFKA_UNAVAILABLE("kafka_unavailable");

    private final String code;

    Drop(String code) {
        this.code = code;
    }

    /** @return the {@code reason} tag */
    public String code() {
        return code;
    }
}
