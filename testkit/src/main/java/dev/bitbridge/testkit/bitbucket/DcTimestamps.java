package dev.bitbridge.testkit.bitbucket;

/**
 * How a Data Center simulator writes commit and pull-request timestamps in webhook payloads; the REST API always
 * answers epoch millis. Both appear in the wild, which breaks parsers that expect one.
 */
public enum DcTimestamps {
    /** {@code "authorTimestamp": 1758586555000} ({@code woodpecker/datacenter/HookPush.json}). The default. */
    EPOCH_MILLIS,
    /**
     * ISO-8601 strings: commits {@code "2018-09-21T14:09:51.000Z"} ({@code jenkins-bbs/server/pushPayload_v10.json}),
     * pull requests {@code "2018-07-05T19:21:30+0000"} ({@code go-scm/server/pr_open_iso_dates.json}).
     */
    ISO_8601
}
