package dev.bitbridge.connector.enrichment.payload;

/**
 * What one webhook says, as far as enrichment cares: a push ({@link PushNotice}), a pull-request transition
 * ({@link PullRequestNotice}) or nothing to enrich ({@link Ignored}). A body that cannot be read is not a notice but a
 * {@link ReadFailure}.
 */
public sealed interface Notice permits PushNotice, PullRequestNotice, Ignored {
}
