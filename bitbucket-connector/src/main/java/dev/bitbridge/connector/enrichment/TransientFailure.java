package dev.bitbridge.connector.enrichment;

/**
 * A failure that will pass: PostgreSQL or Kafka unavailable for a moment. The batch is tried again; nothing is
 * dead-lettered for it.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
