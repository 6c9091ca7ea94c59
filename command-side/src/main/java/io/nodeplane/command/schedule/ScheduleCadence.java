package io.nodeplane.command.schedule;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.Set;

/**
 * The recurrence rule of a scheduled task, evaluated in a workspace's IANA time zone.
 *
 * <p>Every instance is valid and normalised: fields the cadence does not use are {@code null} (or
 * {@code 0} for {@code minute}). {@code minutely} uses nothing, {@code hourly} uses {@code minute},
 * {@code daily} adds {@code hour}, {@code weekly} adds {@code dayOfWeek} (0 = Sunday .. 6 = Saturday)
 * and {@code custom} uses only {@code intervalMinutes} (1 .. 10080), laid on a grid from an anchor.
 */
public record ScheduleCadence(String cadence, int minute, Integer hour, Integer dayOfWeek, Integer intervalMinutes) {

    private static final Set<String> CADENCES = Set.of("minutely", "hourly", "daily", "weekly", "custom");

    /** Validates and normalises; rejections are {@code BAD_REQUEST} {@code CommandRejectedException}s. */
    public ScheduleCadence {
        cadence = cadence == null ? "" : cadence.strip().toLowerCase(Locale.ROOT);
        if (!CADENCES.contains(cadence)) {
            throw badRequest("SCHEDULE_CADENCE_INVALID",
                    "cadence must be one of minutely, hourly, daily, weekly, custom");
        }
        if (cadence.equals("minutely") || cadence.equals("custom")) {
            minute = 0;
        } else if (minute < 0 || minute > 59) {
            throw badRequest("SCHEDULE_MINUTE_INVALID", "minute must be between 0 and 59");
        }
        hour = cadence.equals("daily") || cadence.equals("weekly")
                ? require(hour, 0, 23, "SCHEDULE_HOUR_REQUIRED", "hour is required for daily and weekly schedules",
                        "SCHEDULE_HOUR_INVALID", "hour must be between 0 and 23") : null;
        dayOfWeek = cadence.equals("weekly")
                ? require(dayOfWeek, 0, 6, "SCHEDULE_DAY_OF_WEEK_REQUIRED",
                        "dayOfWeek is required for weekly schedules",
                        "SCHEDULE_DAY_OF_WEEK_INVALID", "dayOfWeek must be between 0 (Sunday) and 6 (Saturday)") : null;
        intervalMinutes = cadence.equals("custom")
                ? require(intervalMinutes, 1, 10080, "SCHEDULE_INTERVAL_REQUIRED",
                        "intervalMinutes is required for custom schedules",
                        "SCHEDULE_INTERVAL_INVALID", "intervalMinutes must be between 1 and 10080 (one week)") : null;
    }

    /** Builds a validated, normalised cadence; a {@code null} minute means 0. */
    public static ScheduleCadence of(String cadence, Integer minute, Integer hour, Integer dayOfWeek,
                                     Integer intervalMinutes) {
        return new ScheduleCadence(cadence, minute == null ? 0 : minute, hour, dayOfWeek, intervalMinutes);
    }

    /**
     * The first run strictly after {@code after}, always on a whole minute. Wall-clock cadences are
     * evaluated in {@code zone}: a daily or weekly time inside a spring-forward gap runs shifted forward
     * by the gap length, and one inside a fall-back overlap runs once, at the earlier offset. Hourly
     * follows real time, so a repeated local hour fires twice and a skipped one not at all.
     *
     * @param anchor grid origin for {@code custom} (truncated to the minute); {@code null} means {@code after}
     */
    public Instant nextAfter(Instant after, ZoneId zone, Instant anchor) {
        return switch (cadence) {
            case "minutely" -> nextWholeMinute(after);
            case "hourly" -> nextHourly(after, zone);
            case "daily" -> nextWallClock(after, zone, 1);
            case "weekly" -> nextWallClock(after, zone, 7);
            default -> nextOnGrid(after, anchor == null ? after : anchor);
        };
    }

    /** A human-readable summary, e.g. {@code "every hour at :10"}. */
    public String description() {
        return switch (cadence) {
            case "minutely" -> "every minute";
            case "hourly" -> String.format("every hour at :%02d", minute);
            case "daily" -> String.format("every day at %02d:%02d", hour, minute);
            case "weekly" -> String.format("every %s at %02d:%02d",
                    javaDay().getDisplayName(TextStyle.FULL, Locale.ENGLISH), hour, minute);
            default -> intervalMinutes == 1 ? "every minute" : "every " + intervalMinutes + " minutes";
        };
    }

    private Instant nextHourly(Instant after, ZoneId zone) {
        Instant t = nextWholeMinute(after);
        while (true) {
            int localMinute = t.atZone(zone).getMinute();
            if (localMinute == minute) {
                return t;
            }
            Instant candidate = t.plus(Math.floorMod(minute - localMinute, 60), ChronoUnit.MINUTES);
            ZoneOffsetTransition change = zone.getRules().nextTransition(t);
            // Jumping is only exact while the offset holds; a half-hour shift (e.g. Lord Howe) moves the local
            // minute, so re-evaluate from the transition's minute (rounded up) rather than jump over the slot.
            t = change != null && change.getInstant().isBefore(candidate)
                    ? nextWholeMinute(change.getInstant().minusNanos(1)) : candidate;
        }
    }

    private Instant nextWallClock(Instant after, ZoneId zone, int stepDays) {
        // Start a day early: a run shifted out of a gap that spans midnight lands on the following date.
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        if (stepDays == 7) {
            date = date.with(TemporalAdjusters.nextOrSame(javaDay()));
        }
        while (true) {
            // A null preferred offset picks the earlier offset in an overlap and shifts past a gap.
            Instant run = ZonedDateTime.ofLocal(date.atTime(hour, minute), zone, null).toInstant();
            if (run.isAfter(after)) {
                return run;
            }
            date = date.plusDays(stepDays);
        }
    }

    private Instant nextOnGrid(Instant after, Instant anchor) {
        Instant origin = anchor.truncatedTo(ChronoUnit.MINUTES);
        long intervalSeconds = intervalMinutes * 60L;
        long elapsed = after.getEpochSecond() - origin.getEpochSecond();
        // One slot, not one per missed slot: downtime collapses into a single catch-up run on the grid.
        long k = Math.max(1, Math.floorDiv(elapsed, intervalSeconds) + 1);
        return origin.plusSeconds(k * intervalSeconds);
    }

    private DayOfWeek javaDay() {
        return dayOfWeek == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(dayOfWeek);
    }

    private static Instant nextWholeMinute(Instant after) {
        return after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    private static Integer require(Integer value, int min, int max, String missingCode, String missingMessage,
                                   String rangeCode, String rangeMessage) {
        if (value == null) {
            throw badRequest(missingCode, missingMessage);
        }
        if (value < min || value > max) {
            throw badRequest(rangeCode, rangeMessage);
        }
        return value;
    }
}
