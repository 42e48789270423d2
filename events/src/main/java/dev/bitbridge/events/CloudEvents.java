package dev.bitbridge.events;

/**
 * How Bitbridge writes CloudEvents 1.0 to Kafka: binary content mode, attributes as {@code ce_*} headers, the event
 * data as the record value.
 * <p>
 * Consumers read these header names; producers set the attributes through SmallRye's
 * {@code OutgoingCloudEventMetadata}, which writes the same headers.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";

    /** Kafka header prefix of every CloudEvents attribute in binary mode. */
    public static final String HEADER_PREFIX = "ce_";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    /** In binary mode {@code datacontenttype} travels as the plain {@code content-type} header. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    public static final String JSON = "application/json";

    /** Prefix of every {@code type} Bitbridge emits; the rest names the event, e.g. {@code bitbucket.cloud.repo:push}. */
    public static final String TYPE_PREFIX = "dev.bitbridge.";

    /** Prefix of every {@code source}: {@code /integrations/<integration name>}. */
    public static final String SOURCE_PREFIX = "/integrations/";

    /**
     * @param integration the integration name
     * @return the {@code source} attribute of events that arrived through that integration
     */
    public static String sourceOf(String integration) {
        return SOURCE_PREFIX + integration;
    }

    private CloudEvents() {
    }
}
