package io.nodeplane.api.enrollment;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nodeplane.api.agent.AgentSecrets;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.enrollment.EnrollmentRequests.FinalizeRequest;
import io.nodeplane.api.enrollment.EnrollmentRequests.InitiateRequest;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.command.enrollment.EnrollmentCommands.FinalizeEnrollmentCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.FinalizeOutcome;
import io.nodeplane.command.enrollment.EnrollmentCommands.InitiateEnrollmentCommand;
import io.nodeplane.command.support.BootstrapTokens;
import io.nodeplane.query.enrollment.EnrollmentQueryService;
import io.nodeplane.query.node.NodeQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
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
import reactor.core.scheduler.Schedulers;

/** Two-step enrollment (contract §1.3 item 1): the agent asks, an operator approves, the agent collects. */
@RestController
@Tag(name = "Enrollment")
class EnrollmentController {

    static final Duration TOKEN_TTL = Duration.ofMinutes(15);

    private final Commands commands;
    private final AgentSecrets secrets;
    private final BootstrapTokens tokens;
    private final EnrollmentQueryService enrollments;
    private final NodeQueryService nodes;
    private final WorkspaceAccess access;
    private final Clock clock;

    EnrollmentController(Commands commands, AgentSecrets secrets, BootstrapTokens tokens,
                         EnrollmentQueryService enrollments, NodeQueryService nodes, WorkspaceAccess access, Clock clock) {
        this.commands = commands;
        this.secrets = secrets;
        this.tokens = tokens;
        this.enrollments = enrollments;
        this.nodes = nodes;
        this.access = access;
        this.clock = clock;
    }

    record InitiateResponse(String token, Instant expiresAt) {
    }

    /** {@code {status:"pending"}} exactly; {@code nodeId}/{@code agentToken} only once approved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusResponse(String status, UUID nodeId, String agentToken) {
    }

    record CredentialsResponse(UUID nodeId, String agentToken) {
    }

    @PostMapping("/api/v1/enrollments/initiate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An agent asks to join (public)", description = "Creates no node. Older pending requests for "
            + "the same e-mail and hostname are revoked. The token is valid for 15 minutes.")
    Mono<InitiateResponse> initiate(@Valid @RequestBody InitiateRequest r, ServerWebExchange exchange) {
        String token = secrets.newBootstrapToken();
        UUID id = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(TOKEN_TTL);
        return commands.send(new InitiateEnrollmentCommand(id, r.email().trim(), r.hostname().trim(),
                        EnrollmentRequests.AdditionalInfo.of(r.additionalInfo()), secrets.lookupHash(token), expiresAt), Actors.anonymous(exchange))
                .then(ReadYourWrites.await(() -> enrollments.enrollment(id), e -> true))
                .thenReturn(new InitiateResponse(token, expiresAt));
    }

    @GetMapping("/api/v1/enrollments/{token}")
    @Operation(summary = "Enrollment status, polled by the agent (public)", description = "pending | revoked (also "
            + "once expired) | approved with nodeId and agentToken; 404 for an unknown token.")
    Mono<StatusResponse> status(@PathVariable String token) {
        return owner(token)
                .flatMap(enrollments::enrollment)
                .switchIfEmpty(Mono.error(EnrollmentController::unknown))
                .flatMap(e -> switch (e.status()) {
                    case "approved" -> Mono.fromCallable(() -> tokens.agentToken(e.id()).map(secrets::decrypt).orElseThrow())
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(agentToken -> new StatusResponse("approved", e.nodeId(), agentToken));
                    case "pending" -> Mono.just(new StatusResponse(
                            clock.instant().isBefore(e.expiresAt()) ? "pending" : "revoked", null, null));
                    default -> Mono.just(new StatusResponse("revoked", null, null));
                });
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/enrollments/{token}/finalize")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Approve an enrollment into this workspace (owner/admin)", description = "Creates the node "
            + "offline. Wrong e-mail or unknown token 404, already approved 409, revoked or expired 410, hostname taken 409.")
    Mono<CredentialsResponse> finalizeInWorkspace(@AuthenticationPrincipal AuthenticatedUser user,
                                                  @PathVariable UUID workspaceId, @PathVariable String token,
                                                  @Valid @RequestBody FinalizeRequest r, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE).then(approve(token, workspaceId, r, Actors.of(exchange, user)));
    }

    @PostMapping("/api/v1/enrollments/{token}/finalize")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Approve an enrollment into the default workspace (platform admin)")
    Mono<CredentialsResponse> finalizeAnywhere(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String token,
                                               @Valid @RequestBody FinalizeRequest r, ServerWebExchange exchange) {
        if (!user.isPlatformAdmin()) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden resource"));
        }
        return approve(token, null, r, Actors.of(exchange, user));
    }

    private Mono<CredentialsResponse> approve(String token, UUID workspaceId, FinalizeRequest r, Actor actor) {
        String agentToken = secrets.newAgentToken();
        UUID nodeId = UUID.randomUUID();
        FinalizeEnrollmentCommand command = new FinalizeEnrollmentCommand(secrets.lookupHash(token), r.email(), workspaceId,
                nodeId, r.nodeName(), r.description(), AgentSecrets.sha256(agentToken), secrets.encrypt(agentToken));
        return commands.<FinalizeOutcome>send(command, actor)
                .flatMap(outcome -> outcome == FinalizeOutcome.EXPIRED
                        ? Mono.error(new ApiException(HttpStatus.GONE, "ENROLLMENT_EXPIRED", "Enrollment has expired"))
                        : ReadYourWrites.await(() -> nodes.node(null, nodeId), n -> true))
                .thenReturn(new CredentialsResponse(nodeId, agentToken));
    }

    private Mono<UUID> owner(String token) {
        if (token.length() < 8 || token.length() > 256) {
            return Mono.error(unknown());
        }
        String hash = secrets.lookupHash(token);
        return Mono.fromCallable(() -> tokens.ownerOf(hash, BootstrapTokens.ENROLLMENT))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    private static ApiException unknown() {
        return new ApiException(HttpStatus.NOT_FOUND, "ENROLLMENT_NOT_FOUND", "Enrollment not found");
    }
}
