package io.nodeplane.api.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Request bodies of scheduled tasks (contract scenario 14); cadence field rules are the schedule's own. */
final class ScheduleRequests {

    private ScheduleRequests() {
    }

    record CreateScheduleRequest(UUID nodeId, UUID teamId, @NotBlank @Size(max = 120) String name,
                                 @NotBlank @Size(max = 20_000) String command, Boolean runAsRoot,
                                 @NotBlank @Size(max = 16) String cadence, Integer minute, Integer hour,
                                 Integer dayOfWeek, Integer intervalMinutes, Boolean enabled) {
    }

    record BatchScheduleRequest(@NotEmpty @Size(max = 200) List<@NotNull UUID> nodeIds,
                                @NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 20_000) String command,
                                Boolean runAsRoot, @NotBlank @Size(max = 16) String cadence, Integer minute,
                                Integer hour, Integer dayOfWeek, Integer intervalMinutes, Boolean enabled) {
    }

    record UpdateScheduleRequest(@Size(min = 1, max = 120) String name, @Size(min = 1, max = 20_000) String command,
                                 Boolean runAsRoot, @Size(max = 16) String cadence, Integer minute, Integer hour,
                                 Integer dayOfWeek, Integer intervalMinutes, Boolean enabled) {
    }
}
