package io.nodeplane.command.template;

import static io.nodeplane.command.support.CommandRejectedException.conflict;
import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.command.template.TaskTemplateCommands.ArchiveTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.CreateTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.DeleteTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.UpdateTaskTemplateCommand;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.template.TaskTemplateCreatedEvent;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Task template commands: checks what a template cannot know (its workspace is writable, its name is
 * free in the workspace), then lets the template decide. Name keys are claimed and released in the
 * command's transaction, so they commit or roll back with the events.
 */
@Component
class TaskTemplateCommandHandler {

    private final Repository<TaskTemplate> templates;
    private final WorkspaceDirectory workspaces;
    private final UniqueKeys uniqueKeys;

    TaskTemplateCommandHandler(Repository<TaskTemplate> templates, WorkspaceDirectory workspaces, UniqueKeys uniqueKeys) {
        this.templates = templates;
        this.workspaces = workspaces;
        this.uniqueKeys = uniqueKeys;
    }

    @CommandHandler
    long handle(CreateTaskTemplateCommand c) throws Exception {
        workspaces.requireWritable(c.workspaceId());
        TaskTemplateCreatedEvent created = TaskTemplate.created(c);
        claimName(c.workspaceId(), created.name(), c.templateId());
        return templates.newInstance(() -> new TaskTemplate(created)).version();
    }

    @CommandHandler
    long handle(UpdateTaskTemplateCommand c) {
        Aggregate<TaskTemplate> template = writable(c.templateId(), c.workspaceId());
        String current = template.invoke(TaskTemplate::name);
        String next = c.name() == null ? current : TaskTemplate.validName(c.name());
        if (!nameKey(c.workspaceId(), next).equals(nameKey(c.workspaceId(), current))) {
            claimName(c.workspaceId(), next, c.templateId());
            uniqueKeys.release(UniqueKeys.TASK_TEMPLATE_NAME, nameKey(c.workspaceId(), current), c.templateId());
        }
        template.execute(t -> t.update(c.name(), c.description(), c.taskType(), c.payloadTemplate(), c.byUserId()));
        return template.version();
    }

    @CommandHandler
    long handle(ArchiveTaskTemplateCommand c) {
        Aggregate<TaskTemplate> template = writable(c.templateId(), c.workspaceId());
        template.execute(t -> t.archive(c.byUserId()));
        releaseName(template, c.templateId());
        return template.version();
    }

    @CommandHandler
    void handle(DeleteTaskTemplateCommand c) {
        Aggregate<TaskTemplate> template = writable(c.templateId(), c.workspaceId());
        releaseName(template, c.templateId());
        template.execute(TaskTemplate::delete);
    }

    static String nameKey(UUID workspaceId, String name) {
        return workspaceId + "|" + name.toLowerCase(Locale.ROOT);
    }

    private void claimName(UUID workspaceId, String name, UUID templateId) {
        if (!uniqueKeys.claim(UniqueKeys.TASK_TEMPLATE_NAME, nameKey(workspaceId, name), templateId)) {
            throw conflict("TASK_TEMPLATE_NAME_TAKEN", "A task template named \"" + name
                    + "\" already exists in this workspace");
        }
    }

    // an archived template gave its key up already; release only deletes a key the template still holds
    private void releaseName(Aggregate<TaskTemplate> template, UUID templateId) {
        UUID workspaceId = template.invoke(TaskTemplate::workspaceId);
        uniqueKeys.release(UniqueKeys.TASK_TEMPLATE_NAME, nameKey(workspaceId, template.invoke(TaskTemplate::name)),
                templateId);
    }

    private Aggregate<TaskTemplate> writable(UUID templateId, UUID workspaceId) {
        Aggregate<TaskTemplate> template;
        try {
            template = templates.load(templateId.toString());
        } catch (AggregateNotFoundException e) { // includes deleted templates
            throw missing(templateId);
        }
        if (!template.invoke(TaskTemplate::workspaceId).equals(workspaceId)) {
            throw missing(templateId);
        }
        workspaces.requireWritable(workspaceId);
        return template;
    }

    private static RuntimeException missing(UUID templateId) {
        return notFound("TASK_TEMPLATE_NOT_FOUND", "Task template " + templateId + " was not found");
    }
}
