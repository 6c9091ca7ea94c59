package io.nodeplane.command.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodeplane.command.support.CommandRejectedException;
import io.nodeplane.command.support.CommandRejectedException.Kind;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ScheduleCadenceTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    /** Every run in [from, to), found by feeding each run back into {@code nextAfter}. */
    private static List<Instant> runsBetween(ScheduleCadence cadence, ZoneId zone, Instant from, Instant to) {
        List<Instant> runs = new ArrayList<>();
        for (Instant t = cadence.nextAfter(from, zone, null); t.isBefore(to); t = cadence.nextAfter(t, zone, null)) {
            runs.add(t);
        }
        return runs;
    }

    private static void assertRejected(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    // --- normal cases ---

    @Test
    void minutelyRunsAtTheNextWholeMinute() {
        ScheduleCadence minutely = ScheduleCadence.of("minutely", null, null, null, null);

        assertThat(minutely.nextAfter(at("2026-01-15T10:15:30.250Z"), UTC, null)).isEqualTo(at("2026-01-15T10:16:00Z"));
    }

    @Test
    void hourlyRunsAtTheConfiguredMinuteOfTheNextHourOnceThisHoursSlotHasPassed() {
        ScheduleCadence hourly = ScheduleCadence.of("hourly", 10, null, null, null);

        assertThat(hourly.nextAfter(at("2026-01-15T10:05:00Z"), UTC, null)).isEqualTo(at("2026-01-15T10:10:00Z"));
        assertThat(hourly.nextAfter(at("2026-01-15T10:15:00Z"), UTC, null)).isEqualTo(at("2026-01-15T11:10:00Z"));
    }

    @Test
    void dailyRunsAtTheLocalHourAndMinuteInTheWorkspaceZone() {
        ScheduleCadence daily = ScheduleCadence.of("daily", 30, 2, null, null);

        // 01:00 CET on Jan 15 -> 02:30 CET the same day.
        assertThat(daily.nextAfter(at("2026-01-15T00:00:00Z"), BERLIN, null)).isEqualTo(at("2026-01-15T01:30:00Z"));
        // 03:00 CET, past today's slot -> tomorrow.
        assertThat(daily.nextAfter(at("2026-01-15T02:00:00Z"), BERLIN, null)).isEqualTo(at("2026-01-16T01:30:00Z"));
    }

    @Test
    void weeklyRunsOnTheConfiguredDayWithZeroMeaningSunday() {
        ScheduleCadence monday = ScheduleCadence.of("weekly", 0, 9, 1, null);
        ScheduleCadence sunday = ScheduleCadence.of("weekly", 0, 9, 0, null);
        Instant thursdayNoon = at("2026-01-15T12:00:00Z");

        assertThat(monday.nextAfter(thursdayNoon, NEW_YORK, null)).isEqualTo(at("2026-01-19T14:00:00Z"));
        assertThat(sunday.nextAfter(thursdayNoon, NEW_YORK, null)).isEqualTo(at("2026-01-18T14:00:00Z"));
    }

    @Test
    void customRunsOnTheGridLaidFromTheAnchor() {
        ScheduleCadence every7 = ScheduleCadence.of("custom", null, null, null, 7);
        Instant anchor = at("2026-01-15T10:00:00Z");

        assertThat(every7.nextAfter(at("2026-01-15T10:15:00Z"), UTC, anchor)).isEqualTo(at("2026-01-15T10:21:00Z"));
        assertThat(every7.nextAfter(anchor, UTC, anchor)).isEqualTo(at("2026-01-15T10:07:00Z"));
    }

    @Test
    void customWithoutAnchorCountsTheIntervalFromAfterTruncatedToTheMinute() {
        ScheduleCadence every15 = ScheduleCadence.of("custom", null, null, null, 15);

        assertThat(every15.nextAfter(at("2026-01-15T10:07:30Z"), UTC, null)).isEqualTo(at("2026-01-15T10:22:00Z"));
    }

    @Test
    void customThatMissedSeveralSlotsDuringDowntimeRunsOnceAtTheNextSlotOnItsGrid() {
        ScheduleCadence every15 = ScheduleCadence.of("custom", null, null, null, 15);
        Instant anchor = at("2026-01-15T10:00:00Z");
        Instant backOnline = at("2026-01-15T13:37:42Z");

        Instant catchUp = every15.nextAfter(backOnline, UTC, anchor);

        assertThat(catchUp).isEqualTo(at("2026-01-15T13:45:00Z"));
        assertThat(every15.nextAfter(catchUp, UTC, anchor)).isEqualTo(at("2026-01-15T14:00:00Z"));
    }

    @Test
    void resultIsStrictlyAfterAfterEvenWhenAfterIsExactlyASlot() {
        Instant slot = at("2026-01-15T10:10:00Z");

        assertThat(ScheduleCadence.of("minutely", null, null, null, null).nextAfter(slot, UTC, null))
                .isEqualTo(at("2026-01-15T10:11:00Z"));
        assertThat(ScheduleCadence.of("hourly", 10, null, null, null).nextAfter(slot, UTC, null))
                .isEqualTo(at("2026-01-15T11:10:00Z"));
        assertThat(ScheduleCadence.of("daily", 10, 10, null, null).nextAfter(slot, UTC, null))
                .isEqualTo(at("2026-01-16T10:10:00Z"));
        assertThat(ScheduleCadence.of("weekly", 10, 10, 4, null).nextAfter(slot, UTC, null))
                .isEqualTo(at("2026-01-22T10:10:00Z"));
        assertThat(ScheduleCadence.of("custom", null, null, null, 5).nextAfter(slot, UTC, at("2026-01-15T10:00:00Z")))
                .isEqualTo(at("2026-01-15T10:15:00Z"));
    }

    @Test
    void runsAreAlwaysOnSecondZeroEvenWhenAfterHasSecondsAndNanos() {
        Instant justBefore = at("2026-01-15T10:09:59.999999999Z");

        assertThat(ScheduleCadence.of("hourly", 10, null, null, null).nextAfter(justBefore, UTC, null))
                .isEqualTo(at("2026-01-15T10:10:00Z"));
        assertThat(ScheduleCadence.of("custom", null, null, null, 10)
                .nextAfter(justBefore, UTC, at("2026-01-15T10:00:30.5Z")))
                .isEqualTo(at("2026-01-15T10:10:00Z"));
    }

    // --- validation and normalisation ---

    @Test
    void rejectsAnUnknownOrMissingCadence() {
        assertRejected(() -> ScheduleCadence.of("yearly", 0, null, null, null), "SCHEDULE_CADENCE_INVALID");
        assertRejected(() -> ScheduleCadence.of(null, 0, null, null, null), "SCHEDULE_CADENCE_INVALID");
    }

    @Test
    void rejectsAMinuteOutsideTheHourForCadencesThatUseIt() {
        assertRejected(() -> ScheduleCadence.of("hourly", 60, null, null, null), "SCHEDULE_MINUTE_INVALID");
        assertRejected(() -> ScheduleCadence.of("daily", -1, 3, null, null), "SCHEDULE_MINUTE_INVALID");
    }

    @Test
    void rejectsAMissingOrOutOfRangeHourForDailyAndWeekly() {
        assertRejected(() -> ScheduleCadence.of("daily", 0, null, null, null), "SCHEDULE_HOUR_REQUIRED");
        assertRejected(() -> ScheduleCadence.of("weekly", 0, null, 1, null), "SCHEDULE_HOUR_REQUIRED");
        assertRejected(() -> ScheduleCadence.of("daily", 0, 24, null, null), "SCHEDULE_HOUR_INVALID");
        assertRejected(() -> ScheduleCadence.of("weekly", 0, -1, 1, null), "SCHEDULE_HOUR_INVALID");
    }

    @Test
    void rejectsAMissingOrOutOfRangeDayOfWeekForWeekly() {
        assertRejected(() -> ScheduleCadence.of("weekly", 0, 9, null, null), "SCHEDULE_DAY_OF_WEEK_REQUIRED");
        assertRejected(() -> ScheduleCadence.of("weekly", 0, 9, 7, null), "SCHEDULE_DAY_OF_WEEK_INVALID");
        assertRejected(() -> ScheduleCadence.of("weekly", 0, 9, -1, null), "SCHEDULE_DAY_OF_WEEK_INVALID");
    }

    @Test
    void rejectsAMissingOrOutOfRangeIntervalForCustom() {
        assertRejected(() -> ScheduleCadence.of("custom", null, null, null, null), "SCHEDULE_INTERVAL_REQUIRED");
        assertRejected(() -> ScheduleCadence.of("custom", null, null, null, 0), "SCHEDULE_INTERVAL_INVALID");
        assertRejected(() -> ScheduleCadence.of("custom", null, null, null, 10081), "SCHEDULE_INTERVAL_INVALID");
        assertThat(ScheduleCadence.of("custom", null, null, null, 10080).intervalMinutes()).isEqualTo(10080);
    }

    @Test
    void customDropsMinuteHourAndDayOfWeek() {
        assertThat(ScheduleCadence.of("custom", 15, 3, 2, 7))
                .isEqualTo(new ScheduleCadence("custom", 0, null, null, 7));
    }

    @Test
    void minutelyDropsEveryFieldEvenOutOfRangeOnes() {
        assertThat(ScheduleCadence.of("minutely", 99, 99, 99, 0))
                .isEqualTo(new ScheduleCadence("minutely", 0, null, null, null));
    }

    @Test
    void unusedOutOfRangeFieldsAreDroppedRatherThanRejected() {
        assertThat(ScheduleCadence.of("hourly", 5, 99, 9, -3))
                .isEqualTo(new ScheduleCadence("hourly", 5, null, null, null));
        assertThat(ScheduleCadence.of("daily", null, 7, 9, 0))
                .isEqualTo(new ScheduleCadence("daily", 0, 7, null, null));
    }

    @Test
    void cadenceNameIsNormalisedToLowerCase() {
        assertThat(ScheduleCadence.of(" Weekly ", 0, 9, 1, null).cadence()).isEqualTo("weekly");
    }

    @Test
    void describesEachCadence() {
        assertThat(ScheduleCadence.of("minutely", null, null, null, null).description()).isEqualTo("every minute");
        assertThat(ScheduleCadence.of("hourly", 10, null, null, null).description()).isEqualTo("every hour at :10");
        assertThat(ScheduleCadence.of("daily", 5, 2, null, null).description()).isEqualTo("every day at 02:05");
        assertThat(ScheduleCadence.of("weekly", 0, 9, 0, null).description()).isEqualTo("every Sunday at 09:00");
        assertThat(ScheduleCadence.of("custom", null, null, null, 7).description()).isEqualTo("every 7 minutes");
    }

    // --- DST: Europe/Berlin (2026-03-29 02:00->03:00, 2026-10-25 03:00->02:00) ---

    @Test
    void dailyRunsAtShiftedTimeWhenLocalTimeFallsInSpringForwardGap() {
        ScheduleCadence daily = ScheduleCadence.of("daily", 30, 2, null, null);

        // 02:30 does not exist on Mar 29; it runs at 03:30 CEST (01:30Z), then back to 02:30 CEST.
        Instant shifted = daily.nextAfter(at("2026-03-28T23:00:00Z"), BERLIN, null);
        assertThat(shifted).isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(shifted.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(daily.nextAfter(shifted, BERLIN, null)).isEqualTo(at("2026-03-30T00:30:00Z"));
    }

    @Test
    void dailyRunsOnceAtTheEarlierOffsetWhenLocalTimeFallsInFallBackOverlap() {
        ScheduleCadence daily = ScheduleCadence.of("daily", 30, 2, null, null);

        // 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET); only the first is a run.
        Instant first = daily.nextAfter(at("2026-10-24T22:00:00Z"), BERLIN, null);
        assertThat(first).isEqualTo(at("2026-10-25T00:30:00Z"));
        assertThat(daily.nextAfter(first, BERLIN, null)).isEqualTo(at("2026-10-26T01:30:00Z"));
        assertThat(daily.nextAfter(at("2026-10-25T01:00:00Z"), BERLIN, null)).isEqualTo(at("2026-10-26T01:30:00Z"));
    }

    @Test
    void hourlySkipsTheMissingLocalHourOnSpringForwardDay() {
        ScheduleCadence hourly = ScheduleCadence.of("hourly", 10, null, null, null);

        // Local Mar 29 is 23 real hours long: 00:00 CET (23:00Z) to 00:00 CEST next day (22:00Z).
        List<Instant> runs = runsBetween(hourly, BERLIN, at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"));

        assertThat(runs).hasSize(23);
        assertThat(runs).extracting(t -> t.atZone(BERLIN).getHour()).doesNotContain(2);
        assertThat(runs).contains(at("2026-03-29T00:10:00Z"), at("2026-03-29T01:10:00Z")); // 01:10 CET, 03:10 CEST
    }

    @Test
    void hourlyRunsTwiceInTheRepeatedLocalHourOnFallBackDay() {
        ScheduleCadence hourly = ScheduleCadence.of("hourly", 10, null, null, null);

        // Local Oct 25 is 25 real hours long: 00:00 CEST (22:00Z) to 00:00 CET next day (23:00Z).
        List<Instant> runs = runsBetween(hourly, BERLIN, at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"));

        assertThat(runs).hasSize(25);
        assertThat(runs).contains(at("2026-10-25T00:10:00Z"), at("2026-10-25T01:10:00Z")); // 02:10 CEST, 02:10 CET
        assertThat(runs).extracting(t -> t.atZone(BERLIN).getHour()).filteredOn(h -> h == 2).hasSize(2);
    }

    @Test
    void weeklyKeepsTheLocalWallClockTimeAcrossSpringForward() {
        ScheduleCadence sundayNine = ScheduleCadence.of("weekly", 0, 9, 0, null);

        List<Instant> runs = runsBetween(sundayNine, BERLIN, at("2026-03-21T00:00:00Z"), at("2026-04-06T00:00:00Z"));

        // 09:00 CET (+01) then 09:00 CEST (+02).
        assertThat(runs).containsExactly(
                at("2026-03-22T08:00:00Z"), at("2026-03-29T07:00:00Z"), at("2026-04-05T07:00:00Z"));
    }

    @Test
    void weeklyRunsAtShiftedTimeWhenLocalTimeFallsInSpringForwardGap() {
        ScheduleCadence sunday = ScheduleCadence.of("weekly", 30, 2, 0, null);

        assertThat(sunday.nextAfter(at("2026-03-28T12:00:00Z"), BERLIN, null)).isEqualTo(at("2026-03-29T01:30:00Z"));
    }

    // --- DST: America/New_York (2026-03-08 02:00->03:00, 2026-11-01 02:00->01:00) ---

    @Test
    void dailyRunsAtShiftedTimeWhenLocalTimeFallsInNewYorkSpringForwardGap() {
        ScheduleCadence daily = ScheduleCadence.of("daily", 30, 2, null, null);

        // 02:30 does not exist on Mar 8; it runs at 03:30 EDT (07:30Z).
        Instant shifted = daily.nextAfter(at("2026-03-08T05:00:00Z"), NEW_YORK, null);
        assertThat(shifted).isEqualTo(at("2026-03-08T07:30:00Z"));
        assertThat(daily.nextAfter(shifted, NEW_YORK, null)).isEqualTo(at("2026-03-09T06:30:00Z"));
    }

    @Test
    void dailyRunsOnceAtTheEarlierOffsetWhenLocalTimeFallsInNewYorkFallBackOverlap() {
        ScheduleCadence daily = ScheduleCadence.of("daily", 30, 1, null, null);

        // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST); only the first is a run.
        Instant first = daily.nextAfter(at("2026-11-01T04:00:00Z"), NEW_YORK, null);
        assertThat(first).isEqualTo(at("2026-11-01T05:30:00Z"));
        assertThat(daily.nextAfter(first, NEW_YORK, null)).isEqualTo(at("2026-11-02T06:30:00Z"));
    }

    @Test
    void hourlyRuns23TimesOnNewYorkSpringForwardDayAnd25TimesOnFallBackDay() {
        ScheduleCadence hourly = ScheduleCadence.of("hourly", 10, null, null, null);

        List<Instant> spring = runsBetween(hourly, NEW_YORK, at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"));
        List<Instant> fall = runsBetween(hourly, NEW_YORK, at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"));

        assertThat(spring).hasSize(23).contains(at("2026-03-08T06:10:00Z"), at("2026-03-08T07:10:00Z"));
        assertThat(spring).extracting(t -> t.atZone(NEW_YORK).getHour()).doesNotContain(2);
        assertThat(fall).hasSize(25).contains(at("2026-11-01T05:10:00Z"), at("2026-11-01T06:10:00Z"));
        assertThat(fall).extracting(t -> t.atZone(NEW_YORK).getHour()).filteredOn(h -> h == 1).hasSize(2);
    }

    @Test
    void weeklyKeepsTheLocalWallClockTimeAcrossNewYorkFallBack() {
        ScheduleCadence sundayNine = ScheduleCadence.of("weekly", 0, 9, 0, null);

        List<Instant> runs = runsBetween(sundayNine, NEW_YORK, at("2026-10-24T00:00:00Z"), at("2026-11-09T00:00:00Z"));

        // 09:00 EDT (-04) then 09:00 EST (-05).
        assertThat(runs).containsExactly(
                at("2026-10-25T13:00:00Z"), at("2026-11-01T14:00:00Z"), at("2026-11-08T14:00:00Z"));
    }

    // --- non-whole-hour offsets ---

    @Test
    void hourlyUsesTheLocalMinuteInAHalfHourOffsetZone() {
        ScheduleCadence hourly = ScheduleCadence.of("hourly", 10, null, null, null);

        // Kolkata is +05:30, so local :10 is UTC :40.
        Instant next = hourly.nextAfter(at("2026-01-15T10:00:00Z"), KOLKATA, null);
        assertThat(next).isEqualTo(at("2026-01-15T10:40:00Z"));
        assertThat(next.atZone(KOLKATA).toLocalTime()).isEqualTo(LocalTime.of(16, 10));
        assertThat(hourly.nextAfter(next, KOLKATA, null)).isEqualTo(at("2026-01-15T11:40:00Z"));
    }

    @Test
    void hourlyDoesNotJumpOverASlotWhenAHalfHourDstShiftMovesTheLocalMinute() {
        ScheduleCadence hourly = ScheduleCadence.of("hourly", 45, null, null, null);

        // Lord Howe springs from +10:30 to +11:00 at 02:00 local (15:30Z) on 2026-10-04:
        // after 01:45 the next local :45 is 02:45 (15:45Z), only 30 real minutes later.
        Instant beforeShift = hourly.nextAfter(at("2026-10-03T15:00:00Z"), LORD_HOWE, null);
        assertThat(beforeShift).isEqualTo(at("2026-10-03T15:15:00Z"));
        assertThat(hourly.nextAfter(beforeShift, LORD_HOWE, null)).isEqualTo(at("2026-10-03T15:45:00Z"));
    }
}
