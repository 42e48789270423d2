package dev.bitbridge.connector.enrichment;

import java.util.List;

import dev.bitbridge.connector.enrichment.state.StateChanges;
import dev.bitbridge.platform.kafka.Output;

/**
 * What enriching one batch gave: the records to write, in order, and the state to store before they commit.
 *
 * @param outputs enriched events and dead letters, in the order of the raw records they came from
 * @param changes what the batch learnt
 */
public record EnrichedBatch(List<Output> outputs, StateChanges changes) {
}
