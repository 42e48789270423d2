package dev.bitbridge.connector.enrichment;

/** A raw webhook whose body cannot be read as the event its key names; the message says which part is wrong. */
public class UnreadableWebhook extends RuntimeException {

    public UnreadableWebhook(String message) {
        super(message, null, false, false);
    }
}
