package dev.bitbridge.testkit.bitbucket.datacenter;

import java.time.ZoneOffset;
import java.util.Objects;

import dev.bitbridge.testkit.bitbucket.DcPushPayload;
import dev.bitbridge.testkit.bitbucket.DcTimestamps;

/** The payload style a Data Center simulator delivers, switchable while it runs. Thread-safe. */
public final class DcPayloadStyle {

    private volatile DcPushPayload push = DcPushPayload.WITH_COMMITS;
    private volatile DcTimestamps timestamps = DcTimestamps.EPOCH_MILLIS;
    private volatile ZoneOffset eventOffset = ZoneOffset.UTC;

    public DcPushPayload push() {
        return push;
    }

    public void push(DcPushPayload shape) {
        push = Objects.requireNonNull(shape);
    }

    public DcTimestamps timestamps() {
        return timestamps;
    }

    public void timestamps(DcTimestamps style) {
        timestamps = Objects.requireNonNull(style);
    }

    /** @return the offset of events' top-level {@code date} */
    public ZoneOffset eventOffset() {
        return eventOffset;
    }

    public void eventOffset(ZoneOffset offset) {
        eventOffset = Objects.requireNonNull(offset);
    }
}
