package io.nodeplane.api.node;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.node.NodeRequests.AssignTeamRequest;
import io.nodeplane.api.node.NodeRequests.MaintenanceRequest;
import io.nodeplane.api.node.NodeRequests.RootAccessRequest;
import io.nodeplane.api.node.NodeRequests.UpdateNodeRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.workspace.DeletedResponse;
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
@RequestMapping("/api/v1/workspaces/{workspaceId}/nodes")
@Tag(name = "Nodes")
@SecurityRequirement(name = "bearer")
class NodeController {

    private final NodeOperations nodes;
    private final WorkspaceAccess access;

    NodeController(NodeOperations nodes, WorkspaceAccess access) {
        this.nodes = nodes;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Nodes of the workspace", description = "Filters status (online|offline), teamId, q (name or "
            + "hostname substring); limit clamped to 1..100 (default 50), offset.")
    Flux<NodeResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                            @RequestParam(required = false) String status, @RequestParam(required = false) UUID teamId,
                            @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) Integer offset) {
        return access.require(user, workspaceId, READ).thenMany(nodes.list(workspaceId, status, teamId, q, limit, offset));
    }

    @GetMapping("/{nodeId}")
    @Operation(summary = "One node", description = "404 for a node of another workspace.")
    Mono<NodeResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                           @PathVariable UUID nodeId) {
        return access.require(user, workspaceId, READ).then(nodes.get(workspaceId, nodeId));
    }

    @PatchMapping("/{nodeId}")
    @Operation(summary = "Rename or describe a node (owner/admin)")
    Mono<NodeResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                              @PathVariable UUID nodeId, @Valid @RequestBody UpdateNodeRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(nodes.update(workspaceId, nodeId, r.name(), r.description(), Actors.of(exchange, user)));
    }

    @DeleteMapping("/{nodeId}")
    @Operation(summary = "Delete a node (owner/admin)", description = "Revokes its agent credential at once.")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                 @PathVariable UUID nodeId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE).then(nodes.delete(workspaceId, nodeId, Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/team")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign the node to a team of this workspace, or to none (owner/admin)")
    Mono<NodeResponse> team(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                            @PathVariable UUID nodeId, @Valid @RequestBody AssignTeamRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(nodes.assignTeam(workspaceId, nodeId, r.teamId(), Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/root-access")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Choose the node's root-access profile (owner/admin)", description = "off, operational, task, "
            + "terminal, operational_task, operational_terminal, task_terminal or all; pending until the agent applies it.")
    Mono<NodeResponse> rootAccess(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                  @PathVariable UUID nodeId, @Valid @RequestBody RootAccessRequest r,
                                  ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(nodes.rootAccess(workspaceId, nodeId, r.profile(), Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/maintenance/enable")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put the node in maintenance (owner/admin)", description = "No new work reaches it.")
    Mono<NodeResponse> enableMaintenance(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                         @PathVariable UUID nodeId, @Valid @RequestBody(required = false) MaintenanceRequest r,
                                         ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE).then(nodes.maintenance(workspaceId, nodeId, true,
                r == null ? null : r.reason(), Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/maintenance/disable")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "End maintenance (owner/admin)")
    Mono<NodeResponse> disableMaintenance(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                          @PathVariable UUID nodeId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(nodes.maintenance(workspaceId, nodeId, false, null, Actors.of(exchange, user)));
    }
}
