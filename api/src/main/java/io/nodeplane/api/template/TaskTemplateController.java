package io.nodeplane.api.template;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.template.TaskTemplateRequests.CreateTaskTemplateRequest;
import io.nodeplane.api.template.TaskTemplateRequests.UpdateTaskTemplateRequest;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/task-templates")
@Tag(name = "Task templates")
@SecurityRequirement(name = "bearer")
class TaskTemplateController {

    private final TaskTemplateOperations templates;
    private final WorkspaceAccess access;

    TaskTemplateController(TaskTemplateOperations templates, WorkspaceAccess access) {
        this.templates = templates;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Task templates of the workspace, newest first", description = "Archived templates only with "
            + "includeArchived=true; limit clamped to 1..100 (default 50), offset.")
    Flux<TaskTemplateResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                    @RequestParam(required = false) Boolean includeArchived,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) Integer offset) {
        return access.require(user, workspaceId, READ)
                .thenMany(templates.list(workspaceId, includeArchived, limit, offset));
    }

    @GetMapping("/{templateId}")
    @Operation(summary = "One task template", description = "Archived templates included; 404 for another workspace's.")
    Mono<TaskTemplateResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                   @PathVariable UUID templateId) {
        return access.require(user, workspaceId, READ).then(templates.get(workspaceId, templateId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a task template (owner/admin)", description = "taskType must be a known task type "
            + "(400); names are unique per workspace among templates that are not archived, ignoring case (409).")
    Mono<TaskTemplateResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                      @Valid @RequestBody CreateTaskTemplateRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(templates.create(workspaceId, r, Actors.of(exchange, user)));
    }

    @PatchMapping("/{templateId}")
    @Operation(summary = "Change a task template (owner/admin)", description = "Omitted fields are kept; an archived "
            + "template cannot be changed (409).")
    Mono<TaskTemplateResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                      @PathVariable UUID templateId, @Valid @RequestBody UpdateTaskTemplateRequest r,
                                      ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(templates.update(workspaceId, templateId, r, Actors.of(exchange, user)));
    }

    @DeleteMapping("/{templateId}")
    @Operation(summary = "Delete a task template (owner/admin)", description = "{deleted:true, id}; a template that "
            + "tasks refer to is archived instead: {deleted:false, archived:true, id}.")
    Mono<Object> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                        @PathVariable UUID templateId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(templates.delete(workspaceId, templateId, Actors.of(exchange, user)));
    }
}
