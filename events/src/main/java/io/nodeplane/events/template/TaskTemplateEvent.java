package io.nodeplane.events.template;

import java.util.UUID;

/** Events of the task-template context; each belongs to one {@code TaskTemplate} aggregate of one workspace. */
public sealed interface TaskTemplateEvent permits TaskTemplateCreatedEvent, TaskTemplateUpdatedEvent,
        TaskTemplateArchivedEvent, TaskTemplateDeletedEvent {
    UUID templateId();

    UUID workspaceId();
}
