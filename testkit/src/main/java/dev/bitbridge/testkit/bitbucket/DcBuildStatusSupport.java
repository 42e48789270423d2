package dev.bitbridge.testkit.bitbucket;

/** What a Data Center simulator supports for build statuses, by the server version it plays. */
public enum DcBuildStatusSupport {
    /**
     * Before 7.4: no {@code build} capability in {@code /rest/capabilities}, and no repository-scoped
     * {@code …/commits/{id}/builds} endpoint (404); only the legacy {@code /rest/build-status/1.0}.
     */
    LEGACY,
    /** 7.4 to 7.x: {@code richBuildStatus}; {@code CANCELLED} and {@code UNKNOWN} are refused with 400. */
    RICH,
    /** 8.0 and later, the default: {@code richBuildStatus}, {@code cancelledStatus} and {@code unknownStatus}. */
    RICH_CANCELLED
}
