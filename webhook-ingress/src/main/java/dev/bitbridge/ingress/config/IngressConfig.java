package dev.bitbridge.ingress.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/** Configuration of the webhook edge, under {@code bitbridge.ingress}. */
@ConfigMapping(prefix = "bitbridge.ingress")
public interface IngressConfig {

    /** Largest webhook body accepted; larger ones get 413. Bitbucket Cloud itself stops at about 256 KB. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** How long a delivery id is remembered: the same id again within this window is answered as a duplicate. */
    @WithDefault("PT1H")
    Duration duplicateWindow();

    /**
     * Whether to also remember the ids that other replicas published, and that this one published before a restart, by
     * reading {@code bitbridge.webhooks.v1} from the start of the duplicate window. Worth it with several replicas;
     * it costs each replica a read of the raw stream (see docs/benchmarks.md), so a single replica leaves it off.
     */
    @WithDefault("false")
    boolean duplicatesFromTopic();

    /** Most delivery ids remembered at once; the oldest are forgotten first. */
    @WithDefault("200000")
    long duplicateCapacity();

    /**
     * Longest wait for Kafka to acknowledge a record before answering 503. Bitbucket gives up after 10 s, so this
     * stays well under it; the producer's own {@code delivery.timeout.ms} must be shorter still.
     */
    @WithDefault("PT4S")
    Duration publishTimeout();

    /** Seconds sent in {@code Retry-After} with a 503. */
    @WithDefault("10")
    int retryAfterSeconds();

    /** Pause between attempts of the background work (topic creation, topic readers) while Kafka cannot be reached. */
    @WithDefault("PT2S")
    Duration kafkaRetryInterval();

    /** Whether the ingress creates its topics when they are absent (the embedded default); deployments declare them. */
    @WithDefault("true")
    boolean createTopics();

    /** Reading integrations from the compacted topic {@code bitbridge.integrations.v1}. */
    IntegrationsTopic integrationsTopic();

    /**
     * Keys that open the webhook secrets sealed on {@code bitbridge.integrations.v1}, by key id: base64 of 32 random
     * bytes each. Only the connector and the ingress hold them.
     */
    Map<String, String> sealingKeys();

    /** Integrations declared in configuration, by name (single-tenant setups, development and tests). */
    Map<String, DeclaredIntegration> integrations();

    /** The integrations topic view. */
    interface IntegrationsTopic {

        /** Whether to read integrations from the topic at all; with {@code false} only declared ones exist. */
        @WithDefault("true")
        boolean enabled();
    }

    /** One integration declared in configuration. */
    interface DeclaredIntegration {

        /** {@code cloud} or {@code datacenter}. */
        BitbucketFlavor flavor();

        /** Whether deliveries are accepted. */
        @WithDefault("true")
        boolean enabled();

        /** The webhook token in clear; give this or {@link #tokenHash()}, not both. */
        Optional<String> token();

        /** The webhook token as {@code sha256:<hex>}, so the clear token need not sit in configuration. */
        Optional<String> tokenHash();

        /** The webhook secret Bitbucket signs with; when set, every delivery must carry a valid signature. */
        Optional<String> secret();
    }
}
