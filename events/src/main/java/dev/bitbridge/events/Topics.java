package dev.bitbridge.events;

import java.util.List;
import java.util.Map;

/**
 * The Kafka topics Bitbridge publishes, with the settings each must have before first use.
 * <p>
 * Topic names end in their contract version; a breaking change gets a new topic, never a changed one.
 * <p>
 * The specs hold only what a topic's contract depends on (partitions, cleanup policy, retention). Durability settings
 * ({@code replication.factor}, {@code min.insync.replicas}) are deliberately absent: a created topic inherits the
 * cluster's defaults unless a service is configured otherwise, and only the local launcher sets single-node values.
 */
public final class Topics {

    /** Raw Bitbucket webhooks, body byte-for-byte as delivered, CloudEvents binary mode. */
    public static final String WEBHOOKS_V1 = "bitbridge.webhooks.v1";

    /** Compacted table of integration routing records, keyed by integration name; a tombstone removes one. */
    public static final String INTEGRATIONS_V1 = "bitbridge.integrations.v1";

    /**
     * Why the ingress refused deliveries to existing integrations, for users debugging a webhook; keyed by integration
     * name, sampled per integration, CloudEvents binary mode. Diagnostics only: nothing depends on it being complete.
     */
    public static final String WEBHOOK_REFUSALS_V1 = "bitbridge.webhook-refusals.v1";

    /** One record per ref a push moved ({@link dev.bitbridge.events.scm.RefChangeEvent}), keyed by repository. */
    public static final String REFS_V1 = "bitbridge.refs.v1";

    /** One record per commit new to a repository ({@link dev.bitbridge.events.scm.CommitEvent}). */
    public static final String COMMITS_V1 = "bitbridge.commits.v1";

    /** One record per pull-request transition ({@link dev.bitbridge.events.scm.PullRequestEvent}). */
    public static final String PULLREQUESTS_V1 = "bitbridge.pullrequests.v1";

    /**
     * Raw webhooks the connector could not enrich, as they were, with why in headers ({@link DeadLetters}): never
     * dropped silently, never blocking their partition.
     */
    public static final String WEBHOOKS_DEAD_LETTERS_V1 = "bitbridge.webhooks.dead-letters.v1";

    /**
     * Task keys found in commits, pull requests and branch names ({@link dev.bitbridge.events.analysis.TaskLinkEvent}),
     * keyed by repository.
     */
    public static final String TASK_LINKS_V1 = "bitbridge.task-links.v1";

    /** Builds asked for ({@link dev.bitbridge.events.build.BuildRequest}), keyed by repository. */
    public static final String BUILD_REQUESTS_V1 = "bitbridge.build-requests.v1";

    /** Every state a build reaches ({@link dev.bitbridge.events.build.BuildEvent}), keyed by repository. */
    public static final String BUILDS_V1 = "bitbridge.builds.v1";

    /**
     * Compacted table of commit-analyzer's settings ({@link dev.bitbridge.events.analysis.AnalysisSettings}): keyed
     * by integration, or by integration and repository; a tombstone removes them.
     */
    public static final String ANALYSIS_SETTINGS_V1 = "bitbridge.analysis-settings.v1";

    /** Records commit-analyzer could not read, as they were, with why in headers ({@link DeadLetters}). */
    public static final String COMMIT_ANALYZER_DEAD_LETTERS_V1 = "bitbridge.commit-analyzer.dead-letters.v1";

    /** Build requests build-trigger could not read, as they were, with why in headers ({@link DeadLetters}). */
    public static final String BUILD_TRIGGER_DEAD_LETTERS_V1 = "bitbridge.build-trigger.dead-letters.v1";

    /**
     * Build states whose status Bitbucket refused, or status-reporter could not read, as they were, with why in headers
     * ({@link DeadLetters}).
     */
    public static final String STATUS_REPORTER_DEAD_LETTERS_V1 = "bitbridge.status-reporter.dead-letters.v1";

    /** Room a record needs beyond its value: key, CloudEvents headers, record and batch overhead. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    /**
     * The largest record {@code bitbridge.webhooks.v1} takes: a 1 MiB webhook body (the ingress's default limit) plus
     * {@link #RECORD_OVERHEAD_BYTES}. Kafka's own default (1 MiB in all) would refuse a body just under the ingress's
     * limit.
     */
    public static final int WEBHOOKS_V1_MAX_RECORD_BYTES = 1024 * 1024 + RECORD_OVERHEAD_BYTES;

    public static final TopicSpec WEBHOOKS_V1_SPEC = new TopicSpec(WEBHOOKS_V1, 6,
            Map.of("cleanup.policy", "delete",
                    "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(WEBHOOKS_V1_MAX_RECORD_BYTES)));

    public static final TopicSpec INTEGRATIONS_V1_SPEC = new TopicSpec(INTEGRATIONS_V1, 1,
            Map.of("cleanup.policy", "compact",
                    "min.compaction.lag.ms", "0"));

    /** A week, as for the raw webhooks: long enough to look into last week's failed deliveries. */
    public static final TopicSpec WEBHOOK_REFUSALS_V1_SPEC = new TopicSpec(WEBHOOK_REFUSALS_V1, 3,
            Map.of("cleanup.policy", "delete",
                    "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000)));

    /** Enriched events are kept as long as the raw ones: consumers that fall behind a week have bigger problems. */
    /** A ref record carries up to 256 commit messages of 4,096 characters ({@code CommitMessage}): 4 MiB. */
    public static final TopicSpec REFS_V1_SPEC = new TopicSpec(REFS_V1, 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024)));

    /** A commit record holds a message and a file list: allow 4 MiB (a commit touching ~20,000 files). */
    public static final TopicSpec COMMITS_V1_SPEC = new TopicSpec(COMMITS_V1, 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024)));

    public static final TopicSpec PULLREQUESTS_V1_SPEC = new TopicSpec(PULLREQUESTS_V1, 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024)));

    /** Dead letters wait for a person: kept four weeks. Same record size as the raw topic. */
    public static final TopicSpec WEBHOOKS_DEAD_LETTERS_V1_SPEC = new TopicSpec(WEBHOOKS_DEAD_LETTERS_V1, 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(WEBHOOKS_V1_MAX_RECORD_BYTES)));

    public static final TopicSpec TASK_LINKS_V1_SPEC = new TopicSpec(TASK_LINKS_V1, 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000)));

    /** A request lists the commits it covers and their task keys: allow 4 MiB, as for the commits it came from. */
    public static final TopicSpec BUILD_REQUESTS_V1_SPEC = new TopicSpec(BUILD_REQUESTS_V1, 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024)));

    /** Build states are what dashboards replay: kept four weeks. */
    public static final TopicSpec BUILDS_V1_SPEC = new TopicSpec(BUILDS_V1, 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28L * 24 * 60 * 60 * 1000)));

    public static final TopicSpec ANALYSIS_SETTINGS_V1_SPEC = new TopicSpec(ANALYSIS_SETTINGS_V1, 1,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));

    public static final TopicSpec COMMIT_ANALYZER_DEAD_LETTERS_V1_SPEC = new TopicSpec(
            COMMIT_ANALYZER_DEAD_LETTERS_V1, 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024 + RECORD_OVERHEAD_BYTES)));

    public static final TopicSpec BUILD_TRIGGER_DEAD_LETTERS_V1_SPEC = new TopicSpec(BUILD_TRIGGER_DEAD_LETTERS_V1, 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28L * 24 * 60 * 60 * 1000),
                    "max.message.bytes", String.valueOf(4 * 1024 * 1024 + RECORD_OVERHEAD_BYTES)));

    /** A build state record is small: allow what the builds topic's records may reach, with headers. */
    public static final TopicSpec STATUS_REPORTER_DEAD_LETTERS_V1_SPEC = new TopicSpec(
            STATUS_REPORTER_DEAD_LETTERS_V1, 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(28L * 24 * 60 * 60 * 1000)));

    /** Every topic Bitbridge owns, in the order they should be created. */
    public static final List<TopicSpec> ALL = List.of(WEBHOOKS_V1_SPEC, INTEGRATIONS_V1_SPEC, WEBHOOK_REFUSALS_V1_SPEC,
            REFS_V1_SPEC, COMMITS_V1_SPEC, PULLREQUESTS_V1_SPEC, WEBHOOKS_DEAD_LETTERS_V1_SPEC, TASK_LINKS_V1_SPEC,
            BUILD_REQUESTS_V1_SPEC, BUILDS_V1_SPEC, ANALYSIS_SETTINGS_V1_SPEC, COMMIT_ANALYZER_DEAD_LETTERS_V1_SPEC,
            BUILD_TRIGGER_DEAD_LETTERS_V1_SPEC, STATUS_REPORTER_DEAD_LETTERS_V1_SPEC);

    private Topics() {
    }
}
