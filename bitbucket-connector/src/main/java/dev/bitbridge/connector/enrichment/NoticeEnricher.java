package dev.bitbridge.connector.enrichment;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.platform.kafka.Output;

/** Turns one raw webhook into its enriched events. */
public interface NoticeEnricher {

    /**
     * @return the records to write and how the event was handled
     * @throws UnreadableWebhook (as the Uni's failure) when the body cannot be read
     */
    Uni<Result> enrich(RawRecord raw, EnrichmentContext context);

    /**
     * @param outputs the enriched events, in order; empty when the event needs no work
     * @param outcome how it was handled, for the seen-event row and metrics: {@code enriched}, or why it was skipped
     */
    record Result(java.util.List<Output> outputs, String outcome) {
    }
}
