package dev.bitbridge.testkit.bitbucket;

/** Which shape of {@code repo:refs_changed} a Data Center simulator delivers. */
public enum DcPushPayload {
    /**
     * {@code changes[]} only, no commits: older Data Center / Server versions ({@code go-scm/server/push.json}).
     */
    CLASSIC,
    /**
     * {@code changes[]} plus {@code commits[]} (at most 5) and {@code toCommit} with its parents: newer versions
     * ({@code jenkins-bbs/server/pushPayload_v10.json}, {@code woodpecker/datacenter/HookPush.json}). The default.
     */
    WITH_COMMITS
}
