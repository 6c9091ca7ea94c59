package io.nodeplane.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the agent's task routes, field for field as the Noderax agent sends them (§1.5, §1.6). */
final class AgentTaskRequests {

    private AgentTaskRequests() {
    }

    /** What the agent last applied of its root-access profile. */
    record RootAccessReport(@Size(max = 32) String appliedProfile, Instant lastAppliedAt, @Size(max = 2000) String lastError) {
    }

    /** {@code maxTasks} is clamped to 1 and {@code waitMs} to 0..30000 (default 15000); capabilities are ignored. */
    record ClaimRequest(Integer maxTasks, Integer waitMs, JsonNode capabilities, @Valid RootAccessReport rootAccess) {
    }

    /** {@code accepted} and {@code started}. */
    record TransitionRequest(UUID taskId, Instant timestamp) {
    }

    record LogRequest(UUID taskId, @NotBlank @Size(min = 1, max = 50) String stream,
                      @NotNull @Size(min = 1, max = 5000) String line, Instant timestamp) {
    }

    record CompleteRequest(UUID taskId, @NotBlank @Size(max = 32) String status, Map<String, Object> result,
                           @Size(max = 200_000) String output, Integer exitCode, @Size(max = 20_000) String error,
                           Instant timestamp, Long durationMs) {
    }
}
