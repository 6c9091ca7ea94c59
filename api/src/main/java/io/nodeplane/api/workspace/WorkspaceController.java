package io.nodeplane.api.workspace;

import static io.nodeplane.api.workspace.WorkspacePermission.DELETE;
import static io.nodeplane.api.workspace.WorkspacePermission.MANAGE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.workspace.CreateWorkspaceCommand;
import io.nodeplane.command.workspace.DeleteWorkspaceCommand;
import io.nodeplane.command.workspace.UpdateWorkspaceCommand;
import io.nodeplane.query.workspace.WorkspaceQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/workspaces")
@Tag(name = "Workspaces")
@SecurityRequirement(name = "bearer")
class WorkspaceController {

    private final WorkspaceQueryService workspaces;
    private final WorkspaceAccess access;
    private final Commands commands;

    WorkspaceController(WorkspaceQueryService workspaces, WorkspaceAccess access, Commands commands) {
        this.workspaces = workspaces;
        this.access = access;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "The caller's workspaces", description = "With currentUserRole. Platform admins see all.")
    Flux<WorkspaceResponse> list(@AuthenticationPrincipal AuthenticatedUser user) {
        return workspaces.visibleTo(user.id(), user.isPlatformAdmin()).map(WorkspaceResponse::of);
    }

    @GetMapping("/{workspaceId}")
    @Operation(summary = "One workspace", description = "Any member; 404 for non-members.")
    Mono<WorkspaceResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId) {
        return access.require(user, workspaceId, READ).map(WorkspaceResponse::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Create a workspace (platform admins)", description = "The creator becomes its owner. "
            + "Slug unique (409); isDefault:true moves the default here.")
    Mono<WorkspaceResponse> create(@AuthenticationPrincipal AuthenticatedUser user,
                                   @Valid @RequestBody CreateWorkspaceRequest request, ServerWebExchange exchange) {
        UUID id = UUID.randomUUID();
        String slug = request.slug() != null ? request.slug() : slugOf(request.name());
        CreateWorkspaceCommand command = new CreateWorkspaceCommand(id, request.name(), slug, request.defaultTimezone(),
                Boolean.TRUE.equals(request.isDefault()), user.id(), user.id(), UUID.randomUUID());
        return commands.send(command, Actors.of(exchange, user))
                // both the workspace and the creator's ownership are projected before we answer
                .then(ReadYourWrites.await(() -> workspaces.byId(id, user.id()), ws -> ws.currentUserRole() != null))
                .map(WorkspaceResponse::of);
    }

    @PatchMapping("/{workspaceId}")
    @Operation(summary = "Change settings, default, archive or restore (owner/admin)", description = "An archived "
            + "workspace rejects every change (409) except isArchived:false. The default workspace cannot be "
            + "archived (409) or unset (400); an archived one cannot become default (409).")
    Mono<WorkspaceResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                   @Valid @RequestBody UpdateWorkspaceRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MANAGE)
                .then(commands.send(new UpdateWorkspaceCommand(workspaceId, r.name(), r.slug(), r.defaultTimezone(),
                        r.isDefault(), r.isArchived()), Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> workspaces.byId(workspaceId, user.id()), ws ->
                        (r.name() == null || r.name().trim().equals(ws.name()))
                                && (r.slug() == null || r.slug().equals(ws.slug()))
                                && (r.defaultTimezone() == null || r.defaultTimezone().equals(ws.defaultTimezone()))
                                && (r.isDefault() == null || r.isDefault() == ws.isDefault())
                                && (r.isArchived() == null || r.isArchived() == ws.isArchived())))
                .map(WorkspaceResponse::of);
    }

    @DeleteMapping("/{workspaceId}")
    @Operation(summary = "Delete a workspace (owner/admin)", description = "Never the default workspace (409).")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                 ServerWebExchange exchange) {
        return access.require(user, workspaceId, DELETE)
                .then(commands.send(new DeleteWorkspaceCommand(workspaceId), Actors.of(exchange, user)))
                .thenReturn(new DeletedResponse(true, workspaceId));
    }

    static String slugOf(String name) {
        String slug = Objects.requireNonNull(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "workspace" : slug;
    }
}
