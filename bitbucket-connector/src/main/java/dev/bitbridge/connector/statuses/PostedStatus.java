package dev.bitbridge.connector.statuses;

/**
 * How a status was posted.
 *
 * @param flavor {@code cloud} or {@code datacenter}
 * @param endpoint {@code cloud}, {@code builds} (Data Center 7.4+) or {@code legacy} ({@code /rest/build-status/1.0})
 * @param state the state Bitbucket was sent: a Data Center server gets {@code CANCELLED} for {@code STOPPED} where it
 *        supports it, {@code FAILED} otherwise
 */
public record PostedStatus(String flavor, String endpoint, String state) {
}
