package io.nodeplane.api.auth;

import io.nodeplane.api.auth.MfaRequests.VerifyMfaChallengeRequest;
import io.nodeplane.api.auth.MfaRequests.VerifyRecoveryCodeRequest;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.limits.Attempt;
import io.nodeplane.api.limits.AttemptLimiter;
import io.nodeplane.api.web.ApiError;
import io.nodeplane.events.auth.LoginThrottledEvent.Route;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth/mfa")
@Tag(name = "Auth")
@ApiResponse(responseCode = "400", description = "Invalid body (unknown field, missing value)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "Unknown, used or expired challenge (MFA_CHALLENGE_INVALID), or a wrong "
        + "or already used code", content = @Content(schema = @Schema(implementation = ApiError.class)))
class MfaChallengeController {

    private final MfaVerification verification;
    private final AttemptLimiter limiter;

    MfaChallengeController(MfaVerification verification, AttemptLimiter limiter) {
        this.verification = verification;
        this.limiter = limiter;
    }

    @PostMapping("/challenge/verify")
    @Operation(summary = "Complete an MFA sign-in with a TOTP code", description = "Public. Answers the "
            + "mfaChallengeToken of the login with a current code (30 s steps, one step of drift); a code's time step "
            + "works once. Answers like a login: an access token. The challenge works once and for 5 minutes; a wrong "
            + "code leaves it usable. Every refusal is recorded in the audit log.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @TooManyAttemptsResponse
    Mono<LoginResponse> verify(@Valid @RequestBody VerifyMfaChallengeRequest r, ServerWebExchange exchange) {
        // wrong codes count against the caller's address like failed sign-ins: six digits must not be guessable
        Actor actor = Actors.anonymous(exchange);
        return limiter.guard(Attempt.link(Route.MFA, actor), () -> verification.verify(r, actor));
    }

    @PostMapping("/recovery/verify")
    @Operation(summary = "Complete an MFA sign-in with a recovery code", description = "Public. Like the TOTP "
            + "verification, with one of the recovery codes instead; each recovery code works once.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @TooManyAttemptsResponse
    Mono<LoginResponse> recover(@Valid @RequestBody VerifyRecoveryCodeRequest r, ServerWebExchange exchange) {
        Actor actor = Actors.anonymous(exchange);
        return limiter.guard(Attempt.link(Route.MFA, actor), () -> verification.recover(r, actor));
    }
}
