package io.nodeplane.api.node;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.node.NodeRequests.AssignTeamRequest;
import io.nodeplane.api.node.NodeRequests.MaintenanceRequest;
import io.nodeplane.api.node.NodeRequests.UpdateNodeRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.workspace.DeletedResponse;
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

/** The contract's non-workspace node routes: every workspace, platform admins only (403 otherwise). */
@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = "Nodes (platform admin)")
@SecurityRequirement(name = "bearer")
class LegacyNodeController {

    private final NodeOperations nodes;

    LegacyNodeController(NodeOperations nodes) {
        this.nodes = nodes;
    }

    @GetMapping
    @Operation(summary = "Nodes of every workspace")
    Flux<NodeResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(required = false) String status,
                            @RequestParam(required = false) UUID teamId, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return admin(user).thenMany(nodes.list(null, status, teamId, q, limit, offset));
    }

    @GetMapping("/{nodeId}")
    @Operation(summary = "One node of any workspace")
    Mono<NodeResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID nodeId) {
        return admin(user).then(nodes.get(null, nodeId));
    }

    @PatchMapping("/{nodeId}")
    @Operation(summary = "Rename or describe a node")
    Mono<NodeResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID nodeId,
                              @Valid @RequestBody UpdateNodeRequest r, ServerWebExchange exchange) {
        return admin(user).then(nodes.update(null, nodeId, r.name(), r.description(), Actors.of(exchange, user)));
    }

    @DeleteMapping("/{nodeId}")
    @Operation(summary = "Delete a node", description = "Revokes its agent credential at once.")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID nodeId,
                                 ServerWebExchange exchange) {
        return admin(user).then(nodes.delete(null, nodeId, Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/team")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign the node to a team of its workspace, or to none")
    Mono<NodeResponse> team(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID nodeId,
                            @Valid @RequestBody AssignTeamRequest r, ServerWebExchange exchange) {
        return admin(user).then(nodes.assignTeam(null, nodeId, r.teamId(), Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/maintenance/enable")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put the node in maintenance")
    Mono<NodeResponse> enableMaintenance(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID nodeId,
                                         @Valid @RequestBody(required = false) MaintenanceRequest r,
                                         ServerWebExchange exchange) {
        return admin(user).then(nodes.maintenance(null, nodeId, true, r == null ? null : r.reason(),
                Actors.of(exchange, user)));
    }

    @PostMapping("/{nodeId}/maintenance/disable")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "End maintenance")
    Mono<NodeResponse> disableMaintenance(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID nodeId,
                                          ServerWebExchange exchange) {
        return admin(user).then(nodes.maintenance(null, nodeId, false, null, Actors.of(exchange, user)));
    }

    private static Mono<Void> admin(AuthenticatedUser user) {
        return user.requirePlatformAdmin();
    }
}
