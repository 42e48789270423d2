package dev.bitbridge.connector.enrichment;

import dev.bitbridge.connector.enrichment.state.Position;
import dev.bitbridge.connector.enrichment.state.StateChanges;

/**
 * What enriching one raw webhook may consult and add to: where the batch starts, and what the batch learnt so far.
 *
 * @param position the batch's start in each partition
 * @param changes the batch's state changes
 */
public record EnrichmentContext(Position position, StateChanges changes) {
}
