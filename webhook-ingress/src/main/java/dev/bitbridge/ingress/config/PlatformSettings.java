package dev.bitbridge.ingress.config;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Checks the settings of the platform underneath the ingress (Kafka producer, HTTP shutdown, access log) against the
 * promises the ingress makes: a 503 within {@code publish-timeout}, in-flight deliveries finished before shutdown,
 * and no token in any log.
 */
public final class PlatformSettings {

    /** The producer of {@code bitbridge.webhooks.v1}; see application.properties. */
    static final String CHANNEL = "mp.messaging.outgoing.raw-webhooks.";
    /** Kafka's own defaults, used when neither the channel nor {@code kafka.*} sets a value. */
    private static final long KAFKA_MAX_BLOCK_MS = 60_000;
    private static final long KAFKA_DELIVERY_TIMEOUT_MS = 120_000;
    private static final long KAFKA_MAX_REQUEST_SIZE = 1024 * 1024;

    private PlatformSettings() {
    }

    /**
     * @param config all configuration
     * @param ingress the ingress's own configuration
     * @param problems where mistakes are reported
     */
    public static void check(Config config, IngressConfig ingress, ConfigProblems problems) {
        checkProducerTimeouts(config, ingress, problems);
        checkRecordSize(config, ingress, problems);
        checkShutdown(config, ingress, problems);
        checkAccessLog(config, problems);
        checkLimits(ingress, problems);
        checkRefusals(ingress.refusals(), problems);
    }

    private static void checkProducerTimeouts(Config config, IngressConfig ingress, ConfigProblems problems) {
        long maxBlock = producerSetting(config, "max.block.ms", KAFKA_MAX_BLOCK_MS);
        long delivery = producerSetting(config, "delivery.timeout.ms", KAFKA_DELIVERY_TIMEOUT_MS);
        long publish = ingress.publishTimeout().toMillis();
        if (maxBlock + delivery >= publish) {
            problems.add("bitbridge.ingress.publish-timeout", "is " + publish + " ms, but the producer may take up to "
                    + CHANNEL + "max.block.ms + delivery.timeout.ms = " + maxBlock + " + " + delivery
                    + " ms to give up on a record; keep their sum below publish-timeout so that a 503 is never given"
                    + " for a record Kafka later stores");
        }
    }

    private static void checkRecordSize(Config config, IngressConfig ingress, ConfigProblems problems) {
        long maxRequest = producerSetting(config, "max.request.size", KAFKA_MAX_REQUEST_SIZE);
        long largestRecord = ingress.maxBodySize().asLongValue() + Topics.RECORD_OVERHEAD_BYTES;
        if (maxRequest < largestRecord) {
            problems.add("bitbridge.ingress.max-body-size", "allows bodies the producer cannot send: " + CHANNEL
                    + "max.request.size is " + maxRequest + " bytes but a record of the largest body needs up to "
                    + largestRecord + "; raise max.request.size (and the topic's max.message.bytes) or lower"
                    + " max-body-size, or such deliveries would be answered 503 forever");
        }
        if (ingress.maxBodySize().asLongValue() > 64L * 1024 * 1024) {
            problems.add("bitbridge.ingress.max-body-size", "must be at most 64M; Bitbucket's payloads are far smaller");
        }
    }

    private static void checkShutdown(Config config, IngressConfig ingress, ConfigProblems problems) {
        Duration longestDelivery = ingress.bodyTimeout().plus(ingress.publishTimeout());
        Optional<Duration> timeout = config.getOptionalValue("quarkus.shutdown.timeout", Duration.class);
        if (timeout.isEmpty() || timeout.get().compareTo(longestDelivery) <= 0) {
            problems.add("quarkus.shutdown.timeout", "must be longer than bitbridge.ingress.body-timeout +"
                    + " publish-timeout (" + longestDelivery.toMillis() + " ms), so that deliveries in flight when the"
                    + " service stops are answered before the Kafka producer closes");
        }
    }

    private static void checkAccessLog(Config config, ConfigProblems problems) {
        if (!config.getOptionalValue("quarkus.http.access-log.enabled", Boolean.class).orElse(false)) {
            return;
        }
        String pattern = config.getOptionalValue("quarkus.http.access-log.pattern", String.class).orElse("common");
        String unsafe = AccessLogPattern.unsafeAttribute(pattern);
        if (unsafe != null) {
            problems.add("quarkus.http.access-log.pattern", "uses " + unsafe + ", which can write webhook tokens (in the"
                    + " query string or Authorization header) to the access log; log the path with %R instead");
        }
    }

    private static void checkLimits(IngressConfig ingress, ConfigProblems problems) {
        if (ingress.bodyMemory().asLongValue() < ingress.maxBodySize().asLongValue()) {
            problems.add("bitbridge.ingress.body-memory", "is smaller than bitbridge.ingress.max-body-size, so a body of"
                    + " the largest accepted size could never be received; make it several times larger");
        }
        if (ingress.duplicateCapacity() < 1) {
            problems.add("bitbridge.ingress.duplicate-capacity", "must be at least 1");
        }
        if (ingress.duplicateWindow().isNegative() || ingress.duplicateWindow().isZero()) {
            problems.add("bitbridge.ingress.duplicate-window", "must be a positive duration, e.g. PT1H");
        }
        if (ingress.stallTimeout().compareTo(Duration.ofSeconds(15)) < 0) {
            problems.add("bitbridge.ingress.stall-timeout", "must be at least PT15S: the topic readers' Kafka calls may"
                    + " legitimately take up to 10 s while Kafka is unreachable");
        }
        if (ingress.retryAfterSeconds() < 0) {
            problems.add("bitbridge.ingress.retry-after-seconds", "must not be negative");
        }
    }

    private static void checkRefusals(IngressConfig.Refusals refusals, ConfigProblems problems) {
        String prefix = "bitbridge.ingress.refusals.";
        if (!(refusals.rate() > 0) || Double.isInfinite(refusals.rate())) {
            problems.add(prefix + "rate", "must be a positive number of reports per second, e.g. 1 or 0.1");
        }
        if (refusals.burst() < 1) {
            problems.add(prefix + "burst", "must be at least 1");
        }
        if (refusals.trackedIntegrations() < 1) {
            problems.add(prefix + "tracked-integrations", "must be at least 1");
        }
        if (refusals.maxInFlight() < 1 || refusals.maxInFlight() > 1024) {
            problems.add(prefix + "max-in-flight", "must be from 1 to 1024");
        }
    }

    /** @return the producer's setting: the channel's, else {@code kafka.*}'s, else Kafka's default */
    private static long producerSetting(Config config, String property, long kafkaDefault) {
        return config.getOptionalValue(CHANNEL + property, Long.class)
                .or(() -> config.getOptionalValue("kafka." + property, Long.class))
                .orElse(kafkaDefault);
    }
}
