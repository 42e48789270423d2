package dev.bitbridge.connector.enrichment.state;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedOffsetsTest {

    private final CommittedOffsets offsets = new CommittedOffsets();

    @Test
    void nothingIsKnownAtFirst() {
        assertThat(offsets.positionOf(1, Map.of(0, 0L))).isEmpty();
    }

    @Test
    void whatKafkaAnsweredThenWhatTheOwnTransactionsCommitted() {
        offsets.learnt(3, new Position(Map.of(0, 10L, 1, 4L)));
        assertThat(offsets.positionOf(3, Map.of(0, 10L, 1, 4L))).contains(new Position(Map.of(0, 10L, 1, 4L)));

        offsets.committed(3, Map.of(0, 15L));
        assertThat(offsets.positionOf(3, Map.of(0, 15L))).contains(new Position(Map.of(0, 15L)));
        assertThat(offsets.positionOf(3, Map.of(0, 17L, 1, 4L))).as("a gap (control records) keeps what was"
                + " committed").contains(new Position(Map.of(0, 15L, 1, 4L)));
    }

    @Test
    void aPartitionNeverCommittedOrAskedIsUnknown() {
        offsets.committed(3, Map.of(0, 15L));
        assertThat(offsets.positionOf(3, Map.of(0, 15L, 2, 0L))).isEmpty();
    }

    @Test
    void anotherGenerationKnowsNothing() {
        offsets.committed(3, Map.of(0, 15L));
        assertThat(offsets.positionOf(4, Map.of(0, 15L))).as("a rebalance: another replica may have committed")
                .isEmpty();

        offsets.learnt(4, new Position(Map.of(0, 40L)));
        assertThat(offsets.positionOf(4, Map.of(0, 40L))).contains(new Position(Map.of(0, 40L)));
        assertThat(offsets.positionOf(3, Map.of(0, 15L))).as("the old generation's offsets are gone").isEmpty();
    }

    @Test
    void aBatchBeforeTheKnownOffsetIsARereadAndAsksKafka() {
        offsets.committed(3, Map.of(0, 15L));
        assertThat(offsets.positionOf(3, Map.of(0, 12L))).isEmpty();
    }

    @Test
    void aFailedTransactionForgetsEverything() {
        offsets.committed(3, Map.of(0, 15L, 1, 2L));
        offsets.forget();
        assertThat(offsets.positionOf(3, Map.of(0, 15L))).isEmpty();
        assertThat(offsets.positionOf(3, Map.of(1, 2L))).isEmpty();
    }
}
