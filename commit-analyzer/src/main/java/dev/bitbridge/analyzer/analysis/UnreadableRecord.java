package dev.bitbridge.analyzer.analysis;

/** A record on an input topic that cannot be analysed: it goes to the dead-letter topic with this reason. */
final class UnreadableRecord extends Exception {

    private final String reason;

    /**
     * @param reason a stable code: {@code unparseable}, {@code incomplete} or {@code unknown-type}
     * @param detail what is wrong and what to do
     */
    UnreadableRecord(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
