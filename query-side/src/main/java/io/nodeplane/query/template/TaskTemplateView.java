package io.nodeplane.query.template;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code task_template_view} (contract §2.1 task_templates), {@code payloadTemplate} as JSON
 * text. {@code version} is the sequence number of the last event applied to the row.
 */
public record TaskTemplateView(UUID id, UUID workspaceId, String name, String description, String taskType,
                               String payloadTemplate, UUID createdByUserId, UUID updatedByUserId, Instant archivedAt,
                               Instant createdAt, Instant updatedAt, long version) {
}
