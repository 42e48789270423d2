package dev.bitbridge.connector.enrichment.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The enrichment group's committed offsets as this consumer left them: the offsets its own last Kafka transactions
 * committed, or what Kafka answered when asked. Asking Kafka on every batch costs a round trip on the consumer's polling
 * thread, behind the poll in progress, and right after a transaction an "unstable offsets" retry (KIP-447): the largest
 * share of a batch's latency (docs/benchmarks.md). Within one consumer-group generation only this consumer commits
 * the partitions it holds, so what it committed last is what Kafka would answer.
 * <p>
 * What is known is dropped whenever it may no longer be true: a new generation (a rebalance: another replica may have
 * committed meanwhile), an aborted or failed transaction (the consumer goes back to the committed offsets, and whether
 * the commit happened is unknown), and a batch that starts before the offset known for one of its partitions. Then
 * {@link #positionOf} answers empty and the caller asks Kafka ({@link #learnt}).
 */
public final class CommittedOffsets {

    private int generation = Integer.MIN_VALUE;
    private final Map<Integer, Long> offsets = new HashMap<>();

    /**
     * @param batchGeneration the consumer-group generation the batch was polled in
     * @param firstOffsets the batch's first offset in each of its partitions
     * @return the batch's position when the committed offset of each of its partitions is known, else empty
     */
    public synchronized Optional<Position> positionOf(int batchGeneration, Map<Integer, Long> firstOffsets) {
        if (batchGeneration != generation) {
            return Optional.empty();
        }
        Map<Integer, Long> committed = new HashMap<>();
        for (Map.Entry<Integer, Long> first : firstOffsets.entrySet()) {
            Long known = offsets.get(first.getKey());
            if (known == null || first.getValue() < known) {
                return Optional.empty();
            }
            committed.put(first.getKey(), known);
        }
        return Optional.of(new Position(committed));
    }

    /** Keeps what Kafka answered for a batch of this generation. */
    public synchronized void learnt(int batchGeneration, Position fromKafka) {
        moveTo(batchGeneration);
        offsets.putAll(fromKafka.committedOffsets());
    }

    /**
     * A batch's Kafka transaction committed.
     *
     * @param batchGeneration the generation the batch was polled in (SmallRye refuses to commit in another)
     * @param nextOffsets per partition, the offset after the batch's last record: what the transaction committed
     */
    public synchronized void committed(int batchGeneration, Map<Integer, Long> nextOffsets) {
        moveTo(batchGeneration);
        offsets.putAll(nextOffsets);
    }

    /** A transaction failed or was aborted: nothing known can be trusted. */
    public synchronized void forget() {
        generation = Integer.MIN_VALUE;
        offsets.clear();
    }

    private void moveTo(int batchGeneration) {
        if (batchGeneration != generation) {
            offsets.clear();
            generation = batchGeneration;
        }
    }
}
