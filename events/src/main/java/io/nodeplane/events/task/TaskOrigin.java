package io.nodeplane.events.task;

import java.util.UUID;

/**
 * Why a task exists besides its creator: the team run, template or schedule that produced it. Every
 * field may be null; {@code internal} tasks (e.g. package probes) are hidden from lists by default.
 */
public record TaskOrigin(UUID targetTeamId, UUID templateId, String templateName, UUID scheduleId, String scheduleName,
                         boolean internal) {

    /** A task an operator asked for directly. */
    public static final TaskOrigin DIRECT = new TaskOrigin(null, null, null, null, null, false);
}
