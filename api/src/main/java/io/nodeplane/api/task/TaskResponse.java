package io.nodeplane.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.command.task.TaskSnapshot;
import io.nodeplane.query.task.TaskView;
import java.time.Instant;
import java.util.UUID;

/** A task as the contract shows it (§2.1 tasks): the whole row, {@code payload} and {@code result} as JSON. */
public record TaskResponse(UUID id, UUID workspaceId, UUID nodeId, UUID targetTeamId, String targetTeamName,
                           UUID templateId, String templateName, String type,
                           @JsonProperty("isInternal") boolean isInternal, @JsonRawValue String payload, String status,
                           @JsonRawValue String result, String output, boolean outputTruncated, Instant leaseUntil,
                           UUID claimedBy, UUID claimToken, Instant startedAt, Instant finishedAt,
                           Instant cancelRequestedAt, String cancelReason, Integer timeoutSeconds, Instant createdAt,
                           Instant updatedAt) {

    public static TaskResponse of(TaskView t) {
        return new TaskResponse(t.id(), t.workspaceId(), t.nodeId(), t.targetTeamId(), t.targetTeamName(), t.templateId(),
                t.templateName(), t.type(), t.internal(), t.payload(), t.status(), t.result(), t.output(),
                t.outputTruncated(), t.leaseUntil(), t.claimedBy(), t.claimToken(), t.startedAt(), t.finishedAt(),
                t.cancelRequestedAt(), t.cancelReason(), t.timeoutSeconds(), t.createdAt(), t.updatedAt());
    }

    public static TaskResponse of(TaskSnapshot t) {
        return new TaskResponse(t.id(), t.workspaceId(), t.nodeId(), t.targetTeamId(), null, t.templateId(),
                t.templateName(), t.type(), t.internal(), t.payload(), t.status().wire(),
                t.result(), t.output(), t.outputTruncated(), t.leaseUntil(), t.claimedBy(), t.claimToken(), t.startedAt(),
                t.finishedAt(), t.cancelRequestedAt(), t.cancelReason(), t.timeoutSeconds(), t.createdAt(), t.updatedAt());
    }
}
