package io.nodeplane.command.template;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;
import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nodeplane.command.task.TaskTypes;
import io.nodeplane.command.template.TaskTemplateCommands.CreateTaskTemplateCommand;
import io.nodeplane.events.template.TaskTemplateArchivedEvent;
import io.nodeplane.events.template.TaskTemplateCreatedEvent;
import io.nodeplane.events.template.TaskTemplateDeletedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent;
import io.nodeplane.events.template.TaskTemplateUpdatedEvent.Details;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A reusable task definition of a workspace. Decides its own fields and lifecycle (archived templates
 * are read-only); name uniqueness and writable workspaces are checked by {@link TaskTemplateCommandHandler}.
 */
@Aggregate
class TaskTemplate {

    static final int NAME_MAX = 120;
    static final int DESCRIPTION_MAX = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @AggregateIdentifier
    private UUID templateId;
    private UUID workspaceId;
    private Details details;
    private boolean archived;

    TaskTemplate() {
        // for Axon
    }

    TaskTemplate(TaskTemplateCreatedEvent created) {
        apply(created);
    }

    /** The event that creates the template {@code c} asks for; 400 for an invalid field. */
    static TaskTemplateCreatedEvent created(CreateTaskTemplateCommand c) {
        return new TaskTemplateCreatedEvent(c.templateId(), c.workspaceId(), validName(c.name()),
                validDescription(c.description()), validType(c.taskType()),
                json(c.payloadTemplate() == null ? Map.of() : c.payloadTemplate()), c.byUserId());
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String name() {
        return details.name();
    }

    void update(String name, String description, String taskType, Map<String, Object> payloadTemplate,
                UUID byUserId) {
        if (archived) {
            throw conflict("TASK_TEMPLATE_ARCHIVED", "Task template " + templateId + " is archived and cannot be changed");
        }
        Details next = new Details(name == null ? details.name() : validName(name),
                description == null ? details.description() : validDescription(description),
                taskType == null ? details.taskType() : validType(taskType),
                payloadTemplate == null ? details.payloadTemplate() : json(payloadTemplate));
        if (!next.equals(details)) {
            apply(new TaskTemplateUpdatedEvent(templateId, workspaceId, details, next, byUserId));
        }
    }

    void archive(UUID byUserId) {
        if (!archived) {
            apply(new TaskTemplateArchivedEvent(templateId, workspaceId, details.name(), byUserId));
        }
    }

    void delete() {
        apply(new TaskTemplateDeletedEvent(templateId, workspaceId, details.name()));
    }

    static String validName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw badRequest("TASK_TEMPLATE_NAME_INVALID", "name must be 1 to " + NAME_MAX + " characters");
        }
        return trimmed;
    }

    /** Blank means no description. */
    private static String validDescription(String description) {
        String trimmed = description == null ? "" : description.trim();
        if (trimmed.length() > DESCRIPTION_MAX) {
            throw badRequest("TASK_TEMPLATE_DESCRIPTION_INVALID",
                    "description must be at most " + DESCRIPTION_MAX + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String validType(String taskType) {
        if (!TaskTypes.isKnown(taskType)) {
            throw badRequest("TASK_TYPE_INVALID", "taskType must be one of " + String.join(", ", TaskTypes.all()));
        }
        return taskType;
    }

    private static String json(Map<String, Object> payloadTemplate) {
        try {
            return JSON.writeValueAsString(payloadTemplate);
        } catch (JsonProcessingException e) {
            throw badRequest("TASK_TEMPLATE_PAYLOAD_INVALID", "payloadTemplate must be a JSON object");
        }
    }

    @EventSourcingHandler
    void on(TaskTemplateCreatedEvent e) {
        templateId = e.templateId();
        workspaceId = e.workspaceId();
        details = new Details(e.name(), e.description(), e.taskType(), e.payloadTemplate());
    }

    @EventSourcingHandler
    void on(TaskTemplateUpdatedEvent e) {
        details = e.after();
    }

    @EventSourcingHandler
    void on(TaskTemplateArchivedEvent e) {
        archived = true;
    }

    @EventSourcingHandler
    void on(TaskTemplateDeletedEvent e) {
        markDeleted();
    }
}
