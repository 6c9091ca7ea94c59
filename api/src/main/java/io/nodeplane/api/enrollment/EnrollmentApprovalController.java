package io.nodeplane.api.enrollment;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;

import io.nodeplane.api.agent.AgentCredentialsResponse;
import io.nodeplane.api.agent.AgentSecrets;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.enrollment.EnrollmentRequests.FinalizeRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.command.enrollment.EnrollmentCommands.FinalizeEnrollmentCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.FinalizeOutcome;
import io.nodeplane.query.node.NodeQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The operator's half of two-step enrollment: approving a request creates the node and its credential. */
@RestController
@Tag(name = "Enrollment")
class EnrollmentApprovalController {

    private final Commands commands;
    private final AgentSecrets secrets;
    private final NodeQueryService nodes;
    private final WorkspaceAccess access;

    EnrollmentApprovalController(Commands commands, AgentSecrets secrets, NodeQueryService nodes, WorkspaceAccess access) {
        this.commands = commands;
        this.secrets = secrets;
        this.nodes = nodes;
        this.access = access;
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/enrollments/{token}/finalize")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Approve an enrollment into this workspace (owner/admin)", description = "Creates the node "
            + "offline. Wrong e-mail or unknown token 404, already approved 409, revoked or expired 410, hostname taken 409.")
    Mono<AgentCredentialsResponse> finalizeInWorkspace(@AuthenticationPrincipal AuthenticatedUser user,
                                                  @PathVariable UUID workspaceId, @PathVariable String token,
                                                  @Valid @RequestBody FinalizeRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE).then(approve(token, workspaceId, r, Actors.of(exchange, user)));
    }

    @PostMapping("/api/v1/enrollments/{token}/finalize")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Approve an enrollment into the default workspace (platform admin)")
    Mono<AgentCredentialsResponse> finalizeAnywhere(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String token,
                                               @Valid @RequestBody FinalizeRequest r, ServerWebExchange exchange) {
        if (!user.isPlatformAdmin()) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden resource"));
        }
        return approve(token, null, r, Actors.of(exchange, user));
    }

    private Mono<AgentCredentialsResponse> approve(String token, UUID workspaceId, FinalizeRequest r, Actor actor) {
        String agentToken = secrets.newAgentToken();
        UUID nodeId = UUID.randomUUID();
        FinalizeEnrollmentCommand command = new FinalizeEnrollmentCommand(secrets.lookupHash(token), r.email(), workspaceId,
                nodeId, r.nodeName(), r.description(), AgentSecrets.sha256(agentToken), secrets.encrypt(agentToken));
        return commands.<FinalizeOutcome>send(command, actor)
                .flatMap(outcome -> outcome == FinalizeOutcome.EXPIRED
                        ? Mono.error(new ApiException(HttpStatus.GONE, "ENROLLMENT_EXPIRED", "Enrollment has expired"))
                        : ReadYourWrites.await(() -> nodes.node(null, nodeId), n -> true))
                .thenReturn(new AgentCredentialsResponse(nodeId, agentToken));
    }
}
