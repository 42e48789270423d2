package dev.bitbridge.events.webhook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two Bitbucket products Bitbridge integrates with. They differ in headers, payloads and REST APIs. */
public enum BitbucketFlavor {

    /** Bitbucket Cloud (bitbucket.org): identifies a delivery by {@code X-Request-UUID}. */
    CLOUD("cloud", "X-Request-UUID"),

    /** Bitbucket Data Center / Server (self-hosted): identifies a delivery by {@code X-Request-Id}. */
    DATACENTER("datacenter", "X-Request-Id");

    private final String id;
    private final String eventIdHeader;

    BitbucketFlavor(String id, String eventIdHeader) {
        this.id = id;
        this.eventIdHeader = eventIdHeader;
    }

    /** @return the lower-case name used in configuration, JSON and CloudEvent types */
    @JsonValue
    public String id() {
        return id;
    }

    /** @return the HTTP header that carries the delivery's unique id */
    public String eventIdHeader() {
        return eventIdHeader;
    }

    /**
     * @param value {@code cloud} or {@code datacenter}, case-insensitive
     * @return the flavor
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static BitbucketFlavor of(String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (BitbucketFlavor flavor : values()) {
                if (flavor.id.equals(wanted)) {
                    return flavor;
                }
            }
        }
        throw new IllegalArgumentException("Unknown Bitbucket flavor '" + value + "': use 'cloud' or 'datacenter'");
    }
}
