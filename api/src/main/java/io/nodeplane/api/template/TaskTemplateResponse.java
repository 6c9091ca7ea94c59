package io.nodeplane.api.template;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.nodeplane.query.template.TaskTemplateView;
import java.time.Instant;
import java.util.UUID;

/** A task template as the contract shows it (§2.1 task_templates), {@code payloadTemplate} as a JSON object. */
record TaskTemplateResponse(UUID id, UUID workspaceId, String name, String description, String taskType,
                            @JsonRawValue String payloadTemplate, UUID createdByUserId, UUID updatedByUserId,
                            Instant archivedAt, Instant createdAt, Instant updatedAt) {

    static TaskTemplateResponse of(TaskTemplateView t) {
        return new TaskTemplateResponse(t.id(), t.workspaceId(), t.name(), t.description(), t.taskType(),
                t.payloadTemplate(), t.createdByUserId(), t.updatedByUserId(), t.archivedAt(), t.createdAt(),
                t.updatedAt());
    }
}
