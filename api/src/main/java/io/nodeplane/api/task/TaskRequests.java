package io.nodeplane.api.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Operator request bodies for tasks (contract §2.2). */
final class TaskRequests {

    private TaskRequests() {
    }

    record CreateTaskRequest(@NotNull UUID nodeId, @NotBlank @Size(max = 120) String type, Map<String, Object> payload,
                             @Min(1) @Max(86_400) Integer timeoutSeconds) {
    }

    record CreateBatchRequest(@NotEmpty @Size(max = 200) List<@NotNull UUID> nodeIds, @NotBlank @Size(max = 120) String type,
                              Map<String, Object> payload, @Min(1) @Max(86_400) Integer timeoutSeconds) {
    }

    record CreateTeamTasksRequest(@NotBlank @Size(max = 120) String type, Map<String, Object> payload,
                                  @Min(1) @Max(86_400) Integer timeoutSeconds) {
    }

    record CancelTaskRequest(@Size(max = 500) String reason) {
    }
}
