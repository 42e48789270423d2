/**
 * The read side of enrichment: what a raw Bitbucket webhook says, normalized across Bitbucket Cloud and Data Center.
 * {@link dev.bitbridge.connector.enrichment.payload.WebhookReader} turns a body and its {@code X-Event-Key} into a
 * {@link dev.bitbridge.connector.enrichment.payload.Notice}; nothing here calls Bitbucket, keeps state or invents a
 * value the payload does not give (absent values are {@code null}).
 */
package dev.bitbridge.connector.enrichment.payload;
