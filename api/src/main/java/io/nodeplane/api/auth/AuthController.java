package io.nodeplane.api.auth;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.limits.Attempt;
import io.nodeplane.api.limits.AttemptLimiter;
import io.nodeplane.api.web.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {

    private final LoginService logins;
    private final AttemptLimiter limiter;

    AuthController(LoginService logins, AttemptLimiter limiter) {
        this.logins = logins;
        this.limiter = limiter;
    }

    @PostMapping("/login")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Sign in with e-mail and password",
            description = "Returns a bearer token. Unknown e-mail, wrong password and inactive user all answer "
                    + "401 with the same message. Every attempt is recorded in the audit log.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "400", description = "Invalid body (unknown field, malformed JSON, short password)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "Invalid email or password",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @TooManyAttemptsResponse
    Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        Actor actor = Actors.anonymous(exchange);
        return limiter.guard(Attempt.login(request.email(), actor), () -> logins.login(request, actor));
    }
}
