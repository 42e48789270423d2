package dev.bitbridge.bench;

/**
 * What became of one request or record.
 *
 * @param status the HTTP status, {@link #ACKNOWLEDGED} for a record the broker acknowledged, or {@link #FAILED} when
 *        no answer came (connection error, timeout, send error)
 * @param duplicate whether a 202 said {@code "duplicate":true}
 * @param detail the response body of a non-202, or the error; empty otherwise
 */
public record Outcome(int status, boolean duplicate, String detail) {

    /** The status of a record the Kafka broker acknowledged. */
    public static final int ACKNOWLEDGED = 0;
    /** The status of a request or send that got no answer. */
    public static final int FAILED = -1;
    /** The status the ingress answers once Kafka acknowledged the record. */
    public static final int ACCEPTED = 202;

    private static final Outcome ACKED = new Outcome(ACKNOWLEDGED, false, "");

    /** @return whether it counts towards throughput: a 202 that is not a duplicate, or an acknowledged record */
    public boolean accepted() {
        return (status == ACCEPTED || status == ACKNOWLEDGED) && !duplicate;
    }

    /** @return the outcome of an acknowledged Kafka record */
    public static Outcome acknowledged() {
        return ACKED;
    }

    /** @return the outcome of a request or send that failed without an answer */
    public static Outcome failed(Throwable error) {
        String message = error.getMessage();
        return new Outcome(FAILED, false, error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
