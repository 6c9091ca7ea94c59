package io.nodeplane.api.auth;

import io.nodeplane.api.auth.AccountRequests.Done;
import io.nodeplane.api.auth.MfaRequests.ConfirmMfaRequest;
import io.nodeplane.api.auth.MfaRequests.DisableMfaRequest;
import io.nodeplane.api.auth.MfaRequests.MfaSetupResponse;
import io.nodeplane.api.auth.MfaRequests.RecoveryCodesResponse;
import io.nodeplane.api.auth.MfaRequests.RegenerateRecoveryCodesRequest;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth/mfa")
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "Not signed in", content = @Content(schema = @Schema(implementation = ApiError.class)))
class MfaSetupController {

    private final MfaSetup setup;

    MfaSetupController(MfaSetup setup) {
        this.setup = setup;
    }

    @PostMapping("/setup/initiate")
    @Operation(summary = "Start setting up TOTP multi-factor sign-in", description = "Answers a new secret (base32) and "
            + "its otpauth:// URI for a QR code, shown only now. It stays pending until confirmed with a code; "
            + "starting again replaces it.")
    @ApiResponse(responseCode = "200", description = "The pending secret")
    @ApiResponse(responseCode = "409", description = "MFA is already enabled (MFA_ALREADY_ENABLED)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    Mono<MfaSetupResponse> initiate(@AuthenticationPrincipal AuthenticatedUser user, ServerWebExchange exchange) {
        return setup.initiate(user, Actors.of(exchange, user));
    }

    @PostMapping("/setup/confirm")
    @Operation(summary = "Confirm the pending secret and enable MFA", description = "A current code of the pending "
            + "secret turns MFA on and answers 10 one-time recovery codes, shown only now. From then on signing in "
            + "needs a code.")
    @ApiResponse(responseCode = "200", description = "Enabled; the recovery codes")
    @ApiResponse(responseCode = "400", description = "Wrong code (MFA_CODE_INVALID) or invalid body",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Nothing pending (MFA_NOT_PENDING) or already enabled (MFA_ALREADY_ENABLED)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    Mono<RecoveryCodesResponse> confirm(@AuthenticationPrincipal AuthenticatedUser user,
                                        @Valid @RequestBody ConfirmMfaRequest r, ServerWebExchange exchange) {
        return setup.confirm(user, r.code(), Actors.of(exchange, user));
    }

    @DeleteMapping
    @Operation(summary = "Disable MFA", description = "Needs either the password or a current code (not both). "
            + "The secret and every recovery code are deleted; sessions are not affected.")
    @ApiResponse(responseCode = "200", description = "Disabled")
    @ApiResponse(responseCode = "400", description = "Wrong password or code, neither or both given, or invalid body",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MFA is not enabled (MFA_NOT_ENABLED)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    Mono<Done> disable(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody DisableMfaRequest r,
                       ServerWebExchange exchange) {
        return setup.disable(user, r, Actors.of(exchange, user));
    }

    @PostMapping("/recovery/regenerate")
    @Operation(summary = "Replace the recovery codes", description = "Needs a current code. Answers 10 new one-time "
            + "recovery codes, shown only now; every earlier code stops working.")
    @ApiResponse(responseCode = "200", description = "The new recovery codes")
    @ApiResponse(responseCode = "400", description = "Wrong code (MFA_CODE_INVALID) or invalid body",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MFA is not enabled (MFA_NOT_ENABLED)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    Mono<RecoveryCodesResponse> regenerate(@AuthenticationPrincipal AuthenticatedUser user,
                                           @Valid @RequestBody RegenerateRecoveryCodesRequest r, ServerWebExchange exchange) {
        return setup.regenerate(user, r.code(), Actors.of(exchange, user));
    }
}
