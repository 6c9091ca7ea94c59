package io.nodeplane.api.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nodeplane.api.agent.AgentSecrets;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.enrollment.EnrollmentRequests.InitiateRequest;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.enrollment.EnrollmentCommands.InitiateEnrollmentCommand;
import io.nodeplane.command.support.BootstrapTokens;
import io.nodeplane.query.enrollment.EnrollmentQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two-step enrollment (contract §1.3 item 1), the agent's half: it asks to join, then polls until an
 * operator approves ({@link EnrollmentApprovalController}) and collects its credential.
 */
@RestController
@Tag(name = "Enrollment")
class EnrollmentController {

    static final Duration TOKEN_TTL = Duration.ofMinutes(15);

    private final Commands commands;
    private final AgentSecrets secrets;
    private final BootstrapTokens tokens;
    private final EnrollmentQueryService enrollments;
    private final Clock clock;

    EnrollmentController(Commands commands, AgentSecrets secrets, BootstrapTokens tokens,
                         EnrollmentQueryService enrollments, Clock clock) {
        this.commands = commands;
        this.secrets = secrets;
        this.tokens = tokens;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    record InitiateResponse(String token, Instant expiresAt) {
    }

    /** {@code {status:"pending"}} exactly; {@code nodeId}/{@code agentToken} only once approved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusResponse(String status, UUID nodeId, String agentToken) {
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
