package dev.bitbridge.analyzer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code bitbridge.analyzer.*} key; the README lists them with the Kafka channel settings. */
@ConfigMapping(prefix = "bitbridge.analyzer")
public interface AnalyzerConfig {

    /**
     * Whether to create the topics the analyzer writes when they are absent, with their contracts' settings.
     * Deployments that declare topics up front (Strimzi {@code KafkaTopic}s) set it to false.
     */
    @WithDefault("true")
    boolean createTopics();

    /**
     * This replica's name in its Kafka transactional id ({@code commit-analyzer-<instance>}): unique per replica and
     * the same across its restarts, so that a restart fences what the crashed process left open. The host name (a
     * pod's name) when unset.
     */
    Optional<String> instance();

    /** The settings API. */
    Api api();

    interface Api {

        /**
         * The admin API token: {@code Authorization: Bearer <token>} may read and change settings. At least 32
         * characters; required (this version has no other way in).
         */
        Optional<String> adminToken();
    }

    /** The settings view: {@code bitbridge.analysis-settings.v1}, read by every replica. */
    Settings settings();

    interface Settings {

        /** Pause between attempts while Kafka or the settings topic is unavailable. */
        @WithDefault("PT2S")
        Duration retryInterval();

        /** How long the settings reader may make no progress before liveness fails. */
        @WithDefault("PT2M")
        Duration stallTimeout();
    }
}
