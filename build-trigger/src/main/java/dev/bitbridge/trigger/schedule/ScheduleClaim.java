package dev.bitbridge.trigger.schedule;

import java.time.Instant;

/**
 * One due schedule, taken by this replica: its lease ({@code due_at} pushed past the time firing may take) keeps other
 * replicas away until the outcome is recorded or the lease runs out.
 *
 * @param schedule the schedule as it was taken (detached: read, never written)
 * @param lease the row's {@code due_at} as this replica set it: an outcome is recorded only if it is still so, and
 *        the revision too (no other replica took the schedule over, nobody changed it meanwhile)
 */
record ScheduleClaim(ScheduleRow schedule, Instant lease) {
}
