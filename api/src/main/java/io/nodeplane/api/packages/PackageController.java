package io.nodeplane.api.packages;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/nodes/{nodeId}/packages")
@Tag(name = "Packages")
@SecurityRequirement(name = "bearer")
class PackageController {

    record InstallRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> names) {
    }

    private final PackageOperations packages;
    private final WorkspaceAccess access;

    PackageController(PackageOperations packages, WorkspaceAccess access) {
        this.packages = packages;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Installed packages", description = "Queues a packageList probe and answers with its result, or "
            + "202 {taskId, taskStatus} when the agent has not answered in time.")
    Mono<ResponseEntity<Map<String, Object>>> list(@AuthenticationPrincipal AuthenticatedUser user,
                                                   @PathVariable UUID workspaceId, @PathVariable UUID nodeId,
                                                   ServerWebExchange exchange) {
        return access.require(user, workspaceId, READ).then(packages.list(workspaceId, nodeId, Actors.of(exchange, user)));
    }

    @GetMapping("/search")
    @Operation(summary = "Search the node's package sources", description = "Like the list: result or 202.")
    Mono<ResponseEntity<Map<String, Object>>> search(@AuthenticationPrincipal AuthenticatedUser user,
                                                     @PathVariable UUID workspaceId, @PathVariable UUID nodeId,
                                                     @RequestParam String term, ServerWebExchange exchange) {
        return access.require(user, workspaceId, READ)
                .then(packages.search(workspaceId, nodeId, term, Actors.of(exchange, user)));
    }

    @PostMapping
    @Operation(summary = "Install packages (owner/admin)", description = "202 with the packageInstall task; needs the "
            + "node's operational root applied.")
    Mono<ResponseEntity<Map<String, Object>>> install(@AuthenticationPrincipal AuthenticatedUser user,
                                                      @PathVariable UUID workspaceId, @PathVariable UUID nodeId,
                                                      @Valid @RequestBody InstallRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE).then(packages.change(workspaceId, nodeId, "packageInstall",
                r.names(), false, Actors.of(exchange, user)));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Remove (or purge) a package (owner/admin)", description = "202 with the packageRemove or "
            + "packagePurge task.")
    Mono<ResponseEntity<Map<String, Object>>> remove(@AuthenticationPrincipal AuthenticatedUser user,
                                                     @PathVariable UUID workspaceId, @PathVariable UUID nodeId,
                                                     @PathVariable String name,
                                                     @RequestParam(required = false) Boolean purge,
                                                     ServerWebExchange exchange) {
        boolean purging = Boolean.TRUE.equals(purge);
        return access.require(user, workspaceId, MUTATE).then(packages.change(workspaceId, nodeId,
                purging ? "packagePurge" : "packageRemove", List.of(name), purging, Actors.of(exchange, user)));
    }
}
