package io.nodeplane.api.enrollment;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.agent.AgentCredentialsResponse;
import io.nodeplane.api.agent.AgentSecrets;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.enrollment.EnrollmentRequests.AdditionalInfo;
import io.nodeplane.api.enrollment.EnrollmentRequests.ConsumeRequest;
import io.nodeplane.api.enrollment.EnrollmentRequests.CreateInstallRequest;
import io.nodeplane.api.enrollment.EnrollmentRequests.ProgressRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.command.enrollment.EnrollmentCommands.ConsumeNodeInstallCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.CreateNodeInstallCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.ReportNodeInstallProgressCommand;
import io.nodeplane.query.enrollment.EnrollmentQueryService;
import io.nodeplane.query.enrollment.NodeInstallView;
import io.nodeplane.query.node.NodeQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** One-click install (contract §1.3 item 2): a token-bearing install command, progress, consumption. */
@RestController
@Tag(name = "Enrollment")
class NodeInstallController {

    private final Commands commands;
    private final AgentSecrets secrets;
    private final EnrollmentQueryService installs;
    private final NodeQueryService nodes;
    private final WorkspaceAccess access;
    private final PublicApiUrl publicApiUrl;
    private final Clock clock;

    NodeInstallController(Commands commands, AgentSecrets secrets, EnrollmentQueryService installs, NodeQueryService nodes,
                          WorkspaceAccess access, PublicApiUrl publicApiUrl, Clock clock) {
        this.commands = commands;
        this.secrets = secrets;
        this.installs = installs;
        this.nodes = nodes;
        this.access = access;
        this.publicApiUrl = publicApiUrl;
        this.clock = clock;
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/node-installs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate a one-click install command (owner/admin)", description = "The command carries a "
            + "bootstrap token valid once for 15 minutes; it is shown only in this answer.")
    Mono<NodeInstallResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                     @Valid @RequestBody CreateInstallRequest r, ServerWebExchange exchange) {
        String token = secrets.newBootstrapToken();
        UUID installId = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(EnrollmentController.TOKEN_TTL);
        String apiUrl = publicApiUrl.resolve(exchange.getRequest());
        return access.require(user, workspaceId, MUTATE)
                .then(commands.send(new CreateNodeInstallCommand(installId, workspaceId, r.teamId(), r.nodeName(),
                        r.description(), secrets.lookupHash(token), expiresAt), Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> installs.install(workspaceId, installId), i -> true))
                .map(i -> NodeInstallResponse.of(i, clock.instant(), apiUrl, token));
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/node-installs/{installId}")
    @Operation(summary = "Install status", description = "An unused install past its expiry reads as expired.")
    Mono<NodeInstallResponse> get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                  @PathVariable UUID installId) {
        return access.require(user, workspaceId, READ)
                .then(installs.install(workspaceId, installId))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "NODE_INSTALL_NOT_FOUND",
                        "Node install " + installId + " was not found")))
                .map(i -> NodeInstallResponse.of(i, clock.instant(), null, null));
    }

    @PostMapping("/api/v1/node-installs/progress")
    @Operation(summary = "Installer progress (public, token in the body)", description = "Sent by install.sh; 200 "
            + "with the install status. Unknown token 404, expired 410.")
    Mono<NodeInstallResponse> progress(@Valid @RequestBody ProgressRequest r, ServerWebExchange exchange) {
        return commands.<UUID>send(new ReportNodeInstallProgressCommand(secrets.lookupHash(r.token()), r.stage(), r.status(),
                        r.progressPercent(), r.statusMessage()), Actors.anonymous(exchange))
                .flatMap(id -> ReadYourWrites.await(() -> installs.install(id),
                        i -> r.stage().equals(i.stage())))
                .map(i -> NodeInstallResponse.of(i, clock.instant(), null, null));
    }

    @PostMapping("/api/v1/node-installs/consume")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Exchange a bootstrap token for a node (public)", description = "Used by `noderax-agent "
            + "bootstrap`. Reused 409 \"Bootstrap token has already been used\", expired 410, unknown 404.")
    Mono<AgentCredentialsResponse> consume(@Valid @RequestBody ConsumeRequest r, ServerWebExchange exchange) {
        String agentToken = secrets.newAgentToken();
        UUID nodeId = UUID.randomUUID();
        return commands.send(new ConsumeNodeInstallCommand(secrets.lookupHash(r.token()), r.hostname(),
                        AdditionalInfo.of(r.additionalInfo()), nodeId, AgentSecrets.sha256(agentToken)),
                        Actors.anonymous(exchange))
                .then(ReadYourWrites.await(() -> nodes.node(null, nodeId), n -> true))
                .thenReturn(new AgentCredentialsResponse(nodeId, agentToken));
    }
}
