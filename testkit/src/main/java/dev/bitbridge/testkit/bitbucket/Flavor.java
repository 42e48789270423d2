package dev.bitbridge.testkit.bitbucket;

/** Which Bitbucket a simulator plays. */
public enum Flavor {
    /** Bitbucket Cloud, REST API 2.0 under {@code /2.0}, OAuth under {@code /site/oauth2}. */
    CLOUD,
    /** Bitbucket Data Center / Server, REST API 1.0 under {@code /rest/api/1.0} (and {@code /rest/api/latest}). */
    DATA_CENTER
}
