package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides which slot of a due schedule to build, from the schedule's next slot (the earliest not yet built or
 * skipped) and the time; pure, so that every case is tested with the time given (README, ADR 13):
 * <ul>
 * <li>A slot reached within {@code lateAfter} of its time is on time: it is built.</li>
 * <li>A slot reached later was missed (build-trigger was not running, or could not reach its database). Of the missed
 * slots, {@code latest} builds the most recent one if it is at most {@code catchUpWindow} old, and {@code skip} none;
 * the schedule goes on with its next regular slot.</li>
 * <li>A slot that is waiting for the connector ({@code retrying}) is tried again until the next slot comes due, which
 * replaces it, or until it is {@code catchUpWindow} old, when it is given up.</li>
 * </ul>
 */
public final class SlotPlanner {

    private final Duration lateAfter;
    private final Duration catchUpWindow;

    /**
     * @param lateAfter how late a slot may be reached and still be on time
     * @param catchUpWindow how old a slot may be and still be built late
     */
    public SlotPlanner(Duration lateAfter, Duration catchUpWindow) {
        this.lateAfter = lateAfter;
        this.catchUpWindow = catchUpWindow;
    }

    /**
     * @param slots the schedule's slots
     * @param cursor its next slot, the earliest not yet built or skipped
     * @param retrying whether building {@code cursor} already failed because the connector could not be reached
     * @param policy its missed-slot policy
     * @param now the time
     * @return what to build, and the next slot after it
     */
    public SlotPlan plan(Slots slots, Instant cursor, boolean retrying, MissedSlotPolicy policy, Instant now) {
        if (cursor.isAfter(now)) {
            return new SlotPlan(null, false, cursor, null, null);
        }
        Instant latest = slots.latestAtOrBefore(now).filter(l -> !l.isBefore(cursor)).orElse(cursor);
        if (latest.equals(cursor)) {
            if (retrying) {
                return within(cursor, catchUpWindow, now) ? fire(slots, cursor, false, null, null)
                        : skipAll(slots, cursor, now, "slot " + cursor + " could not be built: the connector did not"
                                + " answer within the catch-up window (" + catchUpWindow + ")");
            }
            if (within(cursor, lateAfter, now)) {
                return fire(slots, cursor, false, null, null);
            }
            return missed(slots, cursor, cursor, policy, now);
        }
        if (!retrying && within(cursor, lateAfter, now)) {
            return fire(slots, cursor, false, null, null); // on time, only reached late: the next pass takes the rest
        }
        if (within(latest, lateAfter, now)) {
            return fire(slots, latest, false, cursor, "slots from " + cursor + " until " + latest + " were not built: "
                    + (retrying ? "the connector did not answer before the next slot came due" : missedWhy()));
        }
        return missed(slots, cursor, latest, policy, now);
    }

    private SlotPlan missed(Slots slots, Instant first, Instant latest, MissedSlotPolicy policy, Instant now) {
        String range = first.equals(latest) ? "slot " + first + " was"
                : "slots from " + first + " to " + latest
                        + " were";
        if (policy == MissedSlotPolicy.LATEST && within(latest, catchUpWindow, now)) {
            return fire(slots, latest, true, first.equals(latest) ? null : first, first.equals(latest) ? null
                    : "slots from " + first + " until " + latest + " were not built: " + missedWhy()
                            + "; missed-slot policy 'latest' builds the most recent one only");
        }
        return skipAll(slots, first, now, range + " not built: " + missedWhy() + (policy == MissedSlotPolicy.LATEST
                ? "; missed-slot policy 'latest', but the most recent is older than the catch-up window ("
                        + catchUpWindow + ")"
                : "; missed-slot policy 'skip'"));
    }

    private static String missedWhy() {
        return "missed while build-trigger was not running (or could not reach its database)";
    }

    private static SlotPlan fire(Slots slots, Instant slot, boolean catchUp, Instant skippedFrom, String skipped) {
        return new SlotPlan(slot, catchUp, slots.nextAfter(slot).orElse(null), skippedFrom, skipped);
    }

    private static SlotPlan skipAll(Slots slots, Instant first, Instant now, String why) {
        return new SlotPlan(null, false, slots.nextAfter(now).orElse(null), first, why);
    }

    private static boolean within(Instant slot, Duration window, Instant now) {
        return !now.isAfter(slot.plus(window));
    }
}
