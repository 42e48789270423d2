package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which slot a due schedule builds, with the time given: first slots, on time and a little late, many missed slots
 * under both policies, the catch-up window, a connector that does not answer, and daylight saving time.
 */
class SlotPlannerTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration LATE_AFTER = Duration.ofMinutes(2);
    static final Duration CATCH_UP = Duration.ofHours(24);
    static final SlotPlanner PLANNER = new SlotPlanner(LATE_AFTER, CATCH_UP);

    static Slots slots(String cron, ZoneId zone) {
        return new Slots(ScheduleCron.parse(cron), zone);
    }

    static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    @Nested
    class FirstSlot {

        @Test
        void isTheFirstMatchStrictlyAfterCreation() {
            Slots nightly = slots("0 2 * * *", UTC);
            assertThat(nightly.nextAfter(at("2026-11-23T10:15:30Z"))).contains(at("2026-11-24T02:00:00Z"));
            assertThat(nightly.nextAfter(at("2026-11-24T01:59:59.999Z"))).contains(at("2026-11-24T02:00:00Z"));
            assertThat(nightly.nextAfter(at("2026-11-24T02:00:00Z"))).as("created on a slot: the next one")
                    .contains(at("2026-11-25T02:00:00Z"));
        }

        @Test
        void followsTheTimeZone() {
            assertThat(slots("0 2 * * *", BERLIN).nextAfter(at("2026-11-23T10:00:00Z")))
                    .contains(at("2026-11-24T01:00:00Z"));
            assertThat(slots("0 2 * * *", ZoneId.of("America/New_York")).nextAfter(at("2026-07-01T10:00:00Z")))
                    .contains(at("2026-07-02T06:00:00Z"));
        }

        @Test
        void anExpressionThatNeverMatchesHasNoSlot() {
            assertThat(slots("0 0 30 2 *", UTC).nextAfter(at("2026-11-23T10:00:00Z"))).isEmpty();
        }
    }

    @Nested
    class OnTime {

        @Test
        void aSlotReachedAtItsTimeOrALittleLaterBuilds() {
            Slots hourly = slots("0 * * * *", UTC);
            for (String now : List.of("2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z", "2026-11-23T10:02:00Z")) {
                SlotPlan plan = PLANNER.plan(hourly, at("2026-11-23T10:00:00Z"), false, MissedSlotPolicy.SKIP,
                        at(now));
                assertThat(plan.fire()).as(now).isEqualTo(at("2026-11-23T10:00:00Z"));
                assertThat(plan.catchUp()).isFalse();
                assertThat(plan.next()).isEqualTo(at("2026-11-23T11:00:00Z"));
                assertThat(plan.skipped()).isNull();
            }
        }

        @Test
        void aSlotNotYetDueBuildsNothing() {
            SlotPlan plan = PLANNER.plan(slots("0 * * * *", UTC), at("2026-11-23T11:00:00Z"), false,
                    MissedSlotPolicy.LATEST, at("2026-11-23T10:59:59Z"));
            assertThat(plan.fire()).isNull();
            assertThat(plan.next()).isEqualTo(at("2026-11-23T11:00:00Z"));
            assertThat(plan.skipped()).isNull();
        }

        @Test
        void severalSlotsWithinTheToleranceEachBuildInTurn() {
            // every 20 s, reached 50 s after the first: the three are on time, so all three build, one per pass
            Slots fast = slots("*/20 * * * * *", UTC);
            Instant now = at("2026-11-23T10:00:50Z");
            List<Instant> built = new ArrayList<>();
            Instant cursor = at("2026-11-23T10:00:00Z");
            SlotPlan plan;
            while ((plan = PLANNER.plan(fast, cursor, false, MissedSlotPolicy.SKIP, now)).fire() != null) {
                built.add(plan.fire());
                assertThat(plan.skipped()).isNull();
                cursor = plan.next();
            }
            assertThat(built).containsExactly(at("2026-11-23T10:00:00Z"), at("2026-11-23T10:00:20Z"),
                    at("2026-11-23T10:00:40Z"));
            assertThat(cursor).isEqualTo(at("2026-11-23T10:01:00Z"));
        }
    }

    @Nested
    class MissedSlots {

        // every 5 minutes; build-trigger stopped at 10:01 and came back three days later at 10:03:30
        final Slots everyFive = slots("*/5 * * * *", UTC);
        final Instant cursor = at("2026-11-23T10:05:00Z");

        @Test
        void latestBuildsTheMostRecentMissedSlotOnce() {
            Instant now = at("2026-11-26T10:08:00Z"); // the 10:05 slot is 3 min old: missed
            SlotPlan plan = PLANNER.plan(everyFive, cursor, false, MissedSlotPolicy.LATEST, now);
            assertThat(plan.fire()).isEqualTo(at("2026-11-26T10:05:00Z"));
            assertThat(plan.catchUp()).isTrue();
            assertThat(plan.next()).isEqualTo(at("2026-11-26T10:10:00Z"));
            assertThat(plan.skippedFrom()).isEqualTo(cursor);
            assertThat(plan.skipped()).contains("2026-11-23T10:05:00Z", "not running", "'latest'");
        }

        @Test
        void skipBuildsNoneAndWaitsForTheNextRegularSlot() {
            Instant now = at("2026-11-26T10:08:00Z");
            SlotPlan plan = PLANNER.plan(everyFive, cursor, false, MissedSlotPolicy.SKIP, now);
            assertThat(plan.fire()).isNull();
            assertThat(plan.next()).isEqualTo(at("2026-11-26T10:10:00Z"));
            assertThat(plan.skippedFrom()).isEqualTo(cursor);
            assertThat(plan.skipped()).contains("from 2026-11-23T10:05:00Z to 2026-11-26T10:05:00Z", "'skip'");
        }

        @Test
        void aMostRecentSlotThatIsOnTimeBuildsUnderEitherPolicy() {
            Instant now = at("2026-11-26T10:06:00Z"); // the 10:05 slot is a minute old: on time
            for (MissedSlotPolicy policy : MissedSlotPolicy.values()) {
                SlotPlan plan = PLANNER.plan(everyFive, cursor, false, policy, now);
                assertThat(plan.fire()).as(policy.value()).isEqualTo(at("2026-11-26T10:05:00Z"));
                assertThat(plan.catchUp()).isFalse();
                assertThat(plan.skippedFrom()).isEqualTo(cursor);
                assertThat(plan.skipped()).contains("not running");
            }
        }

        @Test
        void theCatchUpWindowBoundsHowLateASlotIsBuilt() {
            Slots weekly = slots("0 3 * * MON", UTC);
            Instant monday = at("2026-11-23T03:00:00Z");
            SlotPlan within = PLANNER.plan(weekly, monday, false, MissedSlotPolicy.LATEST,
                    at("2026-11-24T02:59:59Z"));
            assertThat(within.fire()).isEqualTo(monday);
            assertThat(within.catchUp()).isTrue();
            assertThat(within.skipped()).as("only one slot was missed, and it builds").isNull();
            assertThat(within.next()).isEqualTo(at("2026-11-30T03:00:00Z"));

            SlotPlan beyond = PLANNER.plan(weekly, monday, false, MissedSlotPolicy.LATEST,
                    at("2026-11-24T03:00:01Z"));
            assertThat(beyond.fire()).isNull();
            assertThat(beyond.next()).isEqualTo(at("2026-11-30T03:00:00Z"));
            assertThat(beyond.skipped()).contains("older than the catch-up window");
        }

        @Test
        void aYearOfMinutelySlotsIsPlannedWithoutVisitingEach() {
            Slots minutely = slots("* * * * *", UTC);
            long started = System.nanoTime();
            SlotPlan plan = PLANNER.plan(minutely, at("2025-11-23T10:00:00Z"), false, MissedSlotPolicy.LATEST,
                    at("2026-11-23T10:00:30Z"));
            assertThat(plan.fire()).isEqualTo(at("2026-11-23T10:00:00Z"));
            assertThat(plan.catchUp()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not a walk over 525,600 slots")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Nested
    class ConnectorAway {

        final Slots hourly = slots("0 * * * *", UTC);
        final Instant slot = at("2026-11-23T10:00:00Z");

        @Test
        void aSlotWaitingForTheConnectorBuildsWhenItAnswersHoweverLateWithinTheHour() {
            for (MissedSlotPolicy policy : MissedSlotPolicy.values()) {
                SlotPlan plan = PLANNER.plan(hourly, slot, true, policy, at("2026-11-23T10:45:00Z"));
                assertThat(plan.fire()).as(policy.value()).isEqualTo(slot);
                assertThat(plan.catchUp()).isFalse();
                assertThat(plan.next()).isEqualTo(at("2026-11-23T11:00:00Z"));
            }
        }

        @Test
        void theNextSlotReplacesAWaitingOne() {
            SlotPlan plan = PLANNER.plan(hourly, slot, true, MissedSlotPolicy.SKIP, at("2026-11-23T11:00:01Z"));
            assertThat(plan.fire()).isEqualTo(at("2026-11-23T11:00:00Z"));
            assertThat(plan.skippedFrom()).isEqualTo(slot);
            assertThat(plan.skipped()).contains("connector did not answer before the next slot");
        }

        @Test
        void aWaitingSlotIsGivenUpAfterTheCatchUpWindow() {
            Slots monthly = slots("0 0 1 * *", UTC);
            Instant first = at("2026-12-01T00:00:00Z");
            assertThat(PLANNER.plan(monthly, first, true, MissedSlotPolicy.LATEST, at("2026-12-01T23:59:00Z")).fire())
                    .isEqualTo(first);
            SlotPlan late = PLANNER.plan(monthly, first, true, MissedSlotPolicy.LATEST, at("2026-12-02T00:00:01Z"));
            assertThat(late.fire()).isNull();
            assertThat(late.next()).isEqualTo(at("2027-01-01T00:00:00Z"));
            assertThat(late.skipped()).contains("catch-up window");
        }
    }

    @Nested
    class DaylightSavingTime {

        @Test
        void aTimeTheClocksSkipFiresWhenTheyChangeOnce() {
            // 2026-03-29: Europe/Berlin goes from 02:00 CET to 03:00 CEST (01:00 UTC)
            assertThat(walk(slots("30 2 * * *", BERLIN), at("2026-03-27T12:00:00Z"), 4)).containsExactly(
                    at("2026-03-28T01:30:00Z"), at("2026-03-29T01:00:00Z"), at("2026-03-30T00:30:00Z"),
                    at("2026-03-31T00:30:00Z"));
            assertThat(walk(slots("*/30 * * * *", BERLIN), at("2026-03-29T00:00:00Z"), 4)).as("02:00, 02:30, 03:00"
                    + " local all fire at 03:00, once").containsExactly(at("2026-03-29T00:30:00Z"),
                            at("2026-03-29T01:00:00Z"), at("2026-03-29T01:30:00Z"), at("2026-03-29T02:00:00Z"));
        }

        @Test
        void aTimeThatHappensTwiceFiresTheFirstTime() {
            // 2026-10-25: Europe/Berlin goes back from 03:00 CEST to 02:00 CET (01:00 UTC)
            assertThat(walk(slots("30 2 * * *", BERLIN), at("2026-10-24T12:00:00Z"), 3)).containsExactly(
                    at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z"), at("2026-10-27T01:30:00Z"));
            assertThat(walk(slots("0 * * * *", BERLIN), at("2026-10-24T22:30:00Z"), 4)).as("02:00 once, then 03:00"
                    + " CET").containsExactly(at("2026-10-24T23:00:00Z"), at("2026-10-25T00:00:00Z"),
                            at("2026-10-25T02:00:00Z"), at("2026-10-25T03:00:00Z"));
        }

        @Test
        void thePlanInTheRepeatedHourSeesTheFirstPassAsPast() {
            Slots hourly = slots("0 * * * *", BERLIN);
            Instant secondPass = at("2026-10-25T01:30:00Z"); // 02:30 CET, the second 02:30
            assertThat(hourly.latestAtOrBefore(secondPass)).contains(at("2026-10-25T00:00:00Z"));
            assertThat(hourly.nextAfter(secondPass)).contains(at("2026-10-25T02:00:00Z"));
            SlotPlan plan = PLANNER.plan(hourly, at("2026-10-25T02:00:00Z"), false, MissedSlotPolicy.LATEST,
                    secondPass);
            assertThat(plan.fire()).as("03:00 CET is still to come").isNull();
        }

        @Test
        void aHalfHourShiftIsFollowedToo() {
            // Australia/Lord_Howe moves by 30 minutes: 2026-10-04 02:00 → 02:30 local (15:30 UTC the day before)
            assertThat(walk(slots("15 2 * * *", ZoneId.of("Australia/Lord_Howe")), at("2026-10-02T12:00:00Z"), 3))
                    .containsExactly(at("2026-10-02T15:45:00Z"), at("2026-10-03T15:30:00Z"),
                            at("2026-10-04T15:15:00Z"));
        }

        @Test
        void missedSlotsAcrossAChangeAreCountedOnTheWallClock() {
            Slots nightly = slots("0 1 * * *", BERLIN);
            // down from 2026-03-28 00:30 UTC to 2026-03-30 08:00 UTC: 01:00 local of the 29th and 30th were missed
            SlotPlan plan = PLANNER.plan(nightly, at("2026-03-29T00:00:00Z"), false, MissedSlotPolicy.LATEST,
                    at("2026-03-30T08:00:00Z"));
            assertThat(plan.fire()).isEqualTo(at("2026-03-29T23:00:00Z")); // 01:00 CEST
            assertThat(plan.catchUp()).isTrue();
            assertThat(plan.next()).isEqualTo(at("2026-03-30T23:00:00Z"));
        }

        private List<Instant> walk(Slots slots, Instant from, int count) {
            List<Instant> all = new ArrayList<>();
            Instant at = from;
            for (int i = 0; i < count; i++) {
                at = slots.nextAfter(at).orElseThrow();
                all.add(at);
                assertThat(slots.latestAtOrBefore(at)).as("a slot is its own latest").contains(at);
            }
            return all;
        }
    }

    @Test
    void slotsAreWholeSecondsAndStrictlyIncreasing() {
        Slots fast = slots("*/7 * * * * *", BERLIN);
        Instant at = LocalDateTime.of(2026, 10, 25, 1, 59).atZone(BERLIN).toInstant();
        for (int i = 0; i < 2000; i++) {
            Instant next = fast.nextAfter(at).orElseThrow();
            assertThat(next).isAfter(at);
            assertThat(next.getNano()).isZero();
            at = next;
        }
    }
}
