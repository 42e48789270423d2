package dev.bitbridge.connector.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration of the Bitbucket connector, under {@code bitbridge.connector}. Checked when the service starts
 * ({@link StartupChecks}): a configuration that could only fail on a request stops the service at start instead.
 */
@ConfigMapping(prefix = "bitbridge.connector")
public interface ConnectorConfig {

    /**
     * The webhook ingress's public base URL, as Bitbucket reaches it (e.g. {@code https://hooks.example.com}). An
     * integration's webhook URL is this plus {@code /webhooks/bitbucket/<name>}; the hooks registered on Bitbucket
     * point there.
     */
    @WithDefault("http://localhost:8080")
    String webhookBaseUrl();

    /**
     * Keys that seal webhook secrets on {@code bitbridge.integrations.v1}, by id, each base64 of 32 random bytes. The
     * ingress needs the same keys ({@code bitbridge.ingress.sealing-keys.<id>}) to open them.
     */
    Map<String, String> sealingKeys();

    /** Id of the key in {@link #sealingKeys()} that seals new routing records. */
    String sealingKeyId();

    /**
     * How long the previous webhook token and secret stay valid at the ingress after a rotation, so that deliveries
     * Bitbucket built with them (in flight, or retried) are not refused while the hooks are updated.
     */
    @WithDefault("PT1H")
    Duration rotationGrace();

    /** Who may call the management API. */
    Api api();

    /** How routing records reach {@code bitbridge.integrations.v1}. */
    Routing routing();

    /** Hooks on Bitbucket. */
    Webhooks webhooks();

    interface Webhooks {

        /**
         * How often every automatic hook is checked and repaired when someone changed or deleted it. Each pass costs
         * one API call per connected repository against the credential's hourly budget.
         */
        @WithDefault("PT15M")
        Duration checkInterval();
    }

    /** The recent deliveries kept per integration. */
    Deliveries deliveries();

    interface Deliveries {

        /** How long a delivery stays listed. */
        @WithDefault("P7D")
        Duration retention();
    }

    /** Where Bitbucket Cloud is, and how Bitbridge calls Bitbucket. */
    Bitbucket bitbucket();

    /** Turning raw webhooks into ref, commit and pull-request events. */
    Enrichment enrichment();

    interface Enrichment {

        /**
         * This replica's name in the enrichment producer's {@code transactional.id}: unique per replica, stable across
         * its restarts. The host name ({@code HOSTNAME}, a pod's name) when unset.
         */
        Optional<String> instance();

        /** How long handled event ids are remembered; Bitbucket redelivers within hours, people within days. */
        @WithDefault("P30D")
        Duration seenEventRetention();

        /**
         * How long deferred file lists wait before the budget is asked again (doubled up to eight times that while it
         * stays low).
         */
        @WithDefault("PT1M")
        Duration deferredRetryBackoff();

        /** The first wait before a batch whose enrichment failed transiently is tried again; doubled up to a minute. */
        @WithDefault("PT1S")
        Duration batchRetryBackoff();

        /**
         * How long enrichment and build-status posts reuse an integration's access (its row and decrypted
         * credential) before reading it again; a change made through this replica's API takes effect at once, another
         * replica's within this time, and a call Bitbucket refuses for its credential is made once more, read again.
         */
        @WithDefault("PT30S")
        Duration accessCacheTtl();

        /** How many file lists of one push are asked of Bitbucket at once (within the per-host connection limit). */
        @WithDefault("4")
        int concurrentFileCalls();
    }

    interface Bitbucket {

        /** Bitbucket Cloud's REST API; changed only to point at a simulator or a proxy. */
        @WithDefault("https://api.bitbucket.org/2.0")
        String cloudApiUrl();

        /** Bitbucket Cloud's OAuth 2.0 endpoints ({@code /authorize}, {@code /access_token}) live under this URL. */
        @WithDefault("https://bitbucket.org/site/oauth2")
        String cloudOauthUrl();

        /** How long before an OAuth access token expires it is renewed (Bitbucket's live 2 hours). */
        @WithDefault("PT5M")
        Duration oauthRenewBefore();

        /** Longest wait to connect to Bitbucket. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Longest wait for one Bitbucket answer. */
        @WithDefault("PT15S")
        Duration requestTimeout();

        /**
         * Connections kept to one Bitbucket host per integration; further requests wait for one (per-host
         * concurrency). Bitbucket Cloud counts requests, not connections, so more rarely helps.
         */
        @WithDefault("8")
        int maxConnectionsPerHost();

        /** The API budget of each credential, and how calls are retried. */
        Budget budget();

        Retry retry();
    }

    /**
     * How many Bitbucket API calls the connector allows itself per credential and rolling hour. Bitbucket Cloud
     * allows 1,000 per hour for repository data (counted per user: every API token of one account shares it; per
     * access token, scaled up to 10,000 on large workspaces, learnt from {@code X-RateLimit-Limit}).
     */
    interface Budget {

        /** Calls per credential and rolling hour; Bitbucket Cloud's default limit. Data Center sets its own. */
        @WithDefault("1000")
        int requestsPerHour();

        /**
         * The share of the budget kept for essential calls (commit lists, pull requests): below it, file lists are
         * deferred and completed when the budget allows.
         */
        @WithDefault("0.2")
        double reserve();

        /** The window calls are counted over: Bitbucket's is a rolling hour. Shorter only for tests. */
        @WithDefault("PT1H")
        Duration window();
    }

    /** Retrying transient failures: 5xx, 429, timeouts, connection failures. */
    interface Retry {

        /** The first wait after a failure without {@code Retry-After}; doubled each time, with jitter. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        /** The longest wait between two tries. */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Tries of one call before its failure is reported (then the whole event is retried later). */
        @WithDefault("5")
        int maxAttempts();

        /** The longest {@code Retry-After} waited inside a call; a longer one fails the call as rate-limited. */
        @WithDefault("PT60S")
        Duration maxRetryAfter();
    }

    interface Api {

        /**
         * A token that grants the {@code admin} role when presented as {@code Authorization: Bearer <token>}: how the
         * embedded setup ({@code ./bitbridge up}) is administered. At least 32 characters. With OIDC configured it may
         * be left unset.
         */
        Optional<String> adminToken();

        /**
         * The claim of an OIDC access token that lists the spaces a {@code reader} may list integrations of. Readers
         * without it see the {@code default} space only; admins see every space.
         */
        @WithDefault("bitbridge_spaces")
        String spacesClaim();

        /**
         * Whether Data Center base URLs may use plain {@code http}. Only for local testing: Bitbridge sends credentials
         * to that URL.
         */
        @WithDefault("false")
        boolean allowHttpBaseUrls();
    }

    interface Routing {

        /**
         * How long a create, update or delete waits for Kafka to take the integration's routing record before it
         * answers anyway; a record not yet taken is retried in the background and the answer says it is pending.
         */
        @WithDefault("PT2S")
        Duration publishTimeout();

        /** Pause between background attempts to publish routing records that are still pending. */
        @WithDefault("PT5S")
        Duration retryInterval();
    }
}
