package dev.bitbridge.ingress.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Configuration of the webhook edge, under {@code bitbridge.ingress}. Every key is checked when the service starts
 * ({@link StartupChecks}): a configuration that would fail on a request stops the service at start instead.
 */
@ConfigMapping(prefix = "bitbridge.ingress")
public interface IngressConfig {

    /** Largest webhook body accepted; larger ones get 413 while they stream in. Bitbucket Cloud stops at about 256 KB. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Most memory that request bodies may hold at once, across all concurrent deliveries. A delivery whose body would
     * go over it is answered 503 with {@code Retry-After} (Bitbucket retries 5xx) instead of exhausting the heap.
     */
    @WithDefault("32M")
    MemorySize bodyMemory();

    /** Longest time a client may take to send a body once its headers were accepted; slower ones get 408. */
    @WithDefault("PT5S")
    Duration bodyTimeout();

    /** How long a delivery id is remembered: the same id again within this window is answered as a duplicate. */
    @WithDefault("PT1H")
    Duration duplicateWindow();

    /** Most delivery ids remembered at once; when full, the oldest are forgotten first (never one still publishing). */
    @WithDefault("200000")
    int duplicateCapacity();

    /**
     * Whether to also remember the ids that other replicas published, and that this one published before a restart, by
     * reading {@code bitbridge.webhooks.v1} from the start of the duplicate window. Worth it with several replicas;
     * it costs each replica a read of the raw stream (see docs/benchmarks.md), so a single replica leaves it off.
     */
    @WithDefault("false")
    boolean duplicatesFromTopic();

    /**
     * Longest wait for Kafka to acknowledge a record before answering 503. Bitbucket gives up after 10 s, so this
     * stays well under it; the producer's {@code max.block.ms} plus {@code delivery.timeout.ms} must be shorter.
     */
    @WithDefault("PT4S")
    Duration publishTimeout();

    /** Seconds sent in {@code Retry-After} with a 503. */
    @WithDefault("10")
    int retryAfterSeconds();

    /** Pause between attempts of the background work (topic creation, topic readers) while Kafka cannot be reached. */
    @WithDefault("PT2S")
    Duration kafkaRetryInterval();

    /**
     * How long a background reader or the Kafka producer may make no progress before liveness fails, so that an
     * orchestrator restarts a process whose internals are stuck or dead. Kafka being unreachable is not "stuck":
     * it fails readiness only.
     */
    @WithDefault("PT30S")
    Duration stallTimeout();

    /** Whether the ingress creates its topics when they are absent (the embedded default); deployments declare them. */
    @WithDefault("true")
    boolean createTopics();

    /** Durability of the topics the ingress creates; unset values are the cluster's defaults. */
    TopicSettings topics();

    /**
     * Whether to read integrations from the compacted topic {@code bitbridge.integrations.v1} (written by the
     * connector); with {@code false} only declared integrations exist.
     */
    @WithDefault("true")
    boolean followIntegrationsTopic();

    /**
     * Keys that open the webhook secrets sealed on {@code bitbridge.integrations.v1}, by key id: base64 of 32 random
     * bytes each. Only the connector and the ingress hold them.
     */
    Map<String, String> sealingKeys();

    /**
     * Reports of refused deliveries to existing integrations on {@code bitbridge.webhook-refusals.v1}, for users
     * debugging a webhook.
     */
    Refusals refusals();

    /** Integrations declared in configuration, by name (single-tenant setups, development and tests). */
    Map<String, DeclaredIntegration> integrations();

    /** Settings of topics the ingress creates. */
    interface TopicSettings {

        /** Replicas of each partition; the cluster's {@code default.replication.factor} when unset. */
        OptionalInt replicationFactor();

        /** {@code min.insync.replicas} of the created topics; the cluster's setting when unset. */
        OptionalInt minInsyncReplicas();
    }

    /**
     * Reports of refused deliveries. They are diagnostics: published after the answer, never waited for, rate-limited
     * per integration, and dropped (and counted) rather than queued when Kafka does not take them.
     */
    interface Refusals {

        /** Whether refused deliveries to existing integrations are reported at all. */
        @WithDefault("true")
        boolean enabled();

        /** Reports per second that one integration may have in the long run (fractions allowed: 0.1 is one per 10 s). */
        @WithDefault("1")
        double rate();

        /** Reports one integration may have at once, before {@link #rate()} applies: the size of its token bucket. */
        @WithDefault("20")
        int burst();

        /**
         * Most integrations whose rate is tracked at once (about 100 bytes each). Beyond it, integrations whose bucket
         * has refilled are forgotten first; if there are none, further integrations' refusals are not reported.
         */
        @WithDefault("10000")
        int trackedIntegrations();

        /** Most reports handed to Kafka and not yet acknowledged; beyond it reports are dropped (at most 1024). */
        @WithDefault("256")
        int maxInFlight();
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
