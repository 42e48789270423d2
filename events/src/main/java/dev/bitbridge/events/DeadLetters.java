package dev.bitbridge.events;

/**
 * Headers of a dead letter: the original record's value and headers, plus why it could not be processed and where it
 * came from. A person (or a tool) reads these, fixes the cause, and may publish the value again to its topic.
 */
public final class DeadLetters {

    /** A stable code for the cause, e.g. {@code unparseable}, {@code repository_gone}, {@code credential_revoked}. */
    public static final String HEADER_REASON = "bitbridge-dlq-reason";
    /** What went wrong and what to do, in words. Never carries a secret. */
    public static final String HEADER_DETAIL = "bitbridge-dlq-detail";
    /** The source record's topic. */
    public static final String HEADER_TOPIC = "bitbridge-dlq-topic";
    /** The source record's partition, as decimal text. */
    public static final String HEADER_PARTITION = "bitbridge-dlq-partition";
    /** The source record's offset, as decimal text. */
    public static final String HEADER_OFFSET = "bitbridge-dlq-offset";
    /** The integration, when known. */
    public static final String HEADER_INTEGRATION = "bitbridge-dlq-integration";
    /** Which service dead-lettered it, e.g. {@code bitbucket-connector}. */
    public static final String HEADER_SERVICE = "bitbridge-dlq-service";

    private DeadLetters() {
    }
}
