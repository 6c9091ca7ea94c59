package io.nodeplane.events.schedule;

/**
 * What a schedule runs and when (contract §2.1 scheduled_tasks): a shell command on a cadence
 * ({@code minutely|hourly|daily|weekly|custom}); fields a cadence does not use are null.
 */
public record ScheduleDefinition(String name, String command, boolean runAsRoot, String cadence, int minute,
                                 Integer hour, Integer dayOfWeek, Integer intervalMinutes) {
}
