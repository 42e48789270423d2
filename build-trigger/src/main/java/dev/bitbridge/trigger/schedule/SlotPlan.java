package dev.bitbridge.trigger.schedule;

import java.time.Instant;

/**
 * What to do with a due schedule now.
 *
 * @param fire the slot to build now; null to build nothing
 * @param catchUp whether {@code fire} is a missed slot built late under the {@code latest} policy
 * @param next the schedule's next slot once this plan is carried out; null when the expression never fires again
 * @param skippedFrom the first of the slots this plan does not build; null when it skips none
 * @param skipped which slots are not built and why, in words; null when none
 */
public record SlotPlan(Instant fire, boolean catchUp, Instant next, Instant skippedFrom, String skipped) {
}
