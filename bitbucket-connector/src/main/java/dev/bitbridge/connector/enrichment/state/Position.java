package dev.bitbridge.connector.enrichment.state;

import java.util.Map;

/**
 * The consumer group's committed offset, when the batch began, of each partition in the batch: state stamped at or
 * after that offset of that partition was written by an attempt whose Kafka transaction never committed (otherwise
 * the committed offset would be past it), and counts as absent (ADR 11).
 *
 * @param committedOffsets the committed offset of each partition of the batch; 0 where none was committed yet
 */
public record Position(Map<Integer, Long> committedOffsets) {

    public Position {
        committedOffsets = Map.copyOf(committedOffsets);
    }

    /**
     * @param partition the partition that stamped a row
     * @param offset the offset that stamped it
     * @return whether the row belongs to committed output
     */
    public boolean committed(int partition, long offset) {
        Long committed = committedOffsets.get(partition);
        return committed == null || offset < committed;
    }
}
