package io.nodeplane.command.template;

import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on task templates. {@code workspaceId} is the workspace of the route; a template outside
 * it does not exist for the caller (404). Commands that change a template answer its version (the
 * sequence number of its last event), so the caller can wait until the read model shows it.
 */
public final class TaskTemplateCommands {

    private TaskTemplateCommands() {
    }

    /** Save a new template; {@code payloadTemplate == null} means an empty object. */
    public record CreateTaskTemplateCommand(@TargetAggregateIdentifier UUID templateId, UUID workspaceId, String name,
                                            String description, String taskType, Map<String, Object> payloadTemplate,
                                            UUID byUserId) {
    }

    /** Change any subset of a template's fields; {@code null} keeps a field, a blank description clears it. */
    public record UpdateTaskTemplateCommand(@TargetAggregateIdentifier UUID templateId, UUID workspaceId, String name,
                                            String description, String taskType, Map<String, Object> payloadTemplate,
                                            UUID byUserId) {
    }

    /** Keep a template that tasks refer to, but hide it and free its name. */
    public record ArchiveTaskTemplateCommand(@TargetAggregateIdentifier UUID templateId, UUID workspaceId,
                                             UUID byUserId) {
    }

    /** Remove a template for good. */
    public record DeleteTaskTemplateCommand(@TargetAggregateIdentifier UUID templateId, UUID workspaceId) {
    }
}
