package io.nodeplane.api.template;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.template.TaskTemplateRequests.CreateTaskTemplateRequest;
import io.nodeplane.api.template.TaskTemplateRequests.UpdateTaskTemplateRequest;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.DeletedResponse;
import io.nodeplane.command.template.TaskTemplateCommands.ArchiveTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.CreateTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.DeleteTaskTemplateCommand;
import io.nodeplane.command.template.TaskTemplateCommands.UpdateTaskTemplateCommand;
import io.nodeplane.query.template.TaskTemplateQueryService;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The task-template routes' work: the command, then the template as the read model shows it once the
 * change is applied (commands answer the template's version, which the row carries).
 */
@Service
class TaskTemplateOperations {

    private final Commands commands;
    private final TaskTemplateQueryService templates;

    TaskTemplateOperations(Commands commands, TaskTemplateQueryService templates) {
        this.commands = commands;
        this.templates = templates;
    }

    Flux<TaskTemplateResponse> list(UUID workspaceId, Boolean includeArchived, Integer limit, Integer offset) {
        int clamped = limit == null ? 50 : Math.max(1, Math.min(100, limit));
        int skip = offset == null ? 0 : Math.max(0, offset);
        return templates.templates(workspaceId, Boolean.TRUE.equals(includeArchived), clamped, skip)
                .map(TaskTemplateResponse::of);
    }

    Mono<TaskTemplateResponse> get(UUID workspaceId, UUID templateId) {
        return templates.template(workspaceId, templateId).map(TaskTemplateResponse::of)
                .switchIfEmpty(Mono.error(() -> notFound(templateId)));
    }

    Mono<TaskTemplateResponse> create(UUID workspaceId, CreateTaskTemplateRequest r, Actor actor) {
        UUID templateId = UUID.randomUUID();
        return applied(new CreateTaskTemplateCommand(templateId, workspaceId, r.name(), r.description(), r.taskType(),
                r.payloadTemplate(), actor.userId()), actor, workspaceId, templateId);
    }

    Mono<TaskTemplateResponse> update(UUID workspaceId, UUID templateId, UpdateTaskTemplateRequest r, Actor actor) {
        return applied(new UpdateTaskTemplateCommand(templateId, workspaceId, r.name(), r.description(), r.taskType(),
                r.payloadTemplate(), actor.userId()), actor, workspaceId, templateId);
    }

    /** Deletes the template, or archives it when tasks refer to it (they keep their origin). */
    Mono<Object> delete(UUID workspaceId, UUID templateId, Actor actor) {
        return templates.isReferenced(templateId).flatMap(referenced -> referenced
                ? applied(new ArchiveTaskTemplateCommand(templateId, workspaceId, actor.userId()), actor, workspaceId,
                        templateId).thenReturn(ArchivedResponse.of(templateId))
                : commands.send(new DeleteTaskTemplateCommand(templateId, workspaceId), actor)
                        .then(ReadYourWrites.await(() -> templates.template(workspaceId, templateId).map(t -> false)
                                .defaultIfEmpty(true), gone -> gone))
                        .thenReturn(new DeletedResponse(true, templateId)));
    }

    private Mono<TaskTemplateResponse> applied(Object command, Actor actor, UUID workspaceId, UUID templateId) {
        return commands.<Long>send(command, actor)
                .flatMap(version -> ReadYourWrites.await(() -> templates.template(workspaceId, templateId),
                        t -> t.version() >= version))
                .switchIfEmpty(Mono.error(() -> notFound(templateId)))
                .map(TaskTemplateResponse::of);
    }

    static ApiException notFound(UUID templateId) {
        return new ApiException(HttpStatus.NOT_FOUND, "TASK_TEMPLATE_NOT_FOUND",
                "Task template " + templateId + " was not found");
    }
}
