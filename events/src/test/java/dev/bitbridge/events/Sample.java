package dev.bitbridge.events;

/**
 * A record as a producer writes it, and what it shows (for test names).
 *
 * @param name what the sample shows
 * @param record the record
 */
public record Sample(String name, Record record) {

    @Override
    public String toString() {
        return name;
    }
}
