package io.nodeplane.api.auth;

import io.nodeplane.api.auth.AccountRequests.AcceptInvitationRequest;
import io.nodeplane.api.auth.AccountRequests.TokenPreview;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.limits.Attempt;
import io.nodeplane.api.limits.AttemptLimiter;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.user.UserResponse;
import io.nodeplane.api.web.ApiError;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.user.UserAccountCommands.AcceptInvitationCommand;
import io.nodeplane.command.user.UserCredentials;
import io.nodeplane.command.user.UserTokens.Purpose;
import io.nodeplane.events.auth.LoginThrottledEvent.Route;
import io.nodeplane.query.user.UserQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/auth/invitations/{token}")
@Tag(name = "Auth")
@ApiResponse(responseCode = "404", description = "Unknown link", content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "410", description = "The link was used, has expired (7 days) or was replaced by a newer one",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@TooManyAttemptsResponse
class InvitationController {

    private final OneTimeTokens tokens;
    private final UserQueryService users;
    private final Commands commands;
    private final AttemptLimiter limiter;

    InvitationController(OneTimeTokens tokens, UserQueryService users, Commands commands, AttemptLimiter limiter) {
        this.limiter = limiter;
        this.tokens = tokens;
        this.users = users;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Preview an invitation", description = "Public. Who the activation link is for, and until when it works.")
    Mono<TokenPreview> preview(@PathVariable String token, ServerWebExchange exchange) {
        return limiter.guard(Attempt.link(Route.INVITATION, Actors.anonymous(exchange)), () -> tokens
                .usable(token, Purpose.INVITATION)
                .flatMap(t -> user(t.userId()).map(u -> new TokenPreview(u.email(), u.name(), t.expiresAt()))));
    }

    @PostMapping("/accept")
    @Operation(summary = "Accept an invitation", description = "Public. Sets the password (and optionally the name); "
            + "the account becomes active and can sign in. The link works once.")
    @ApiResponse(responseCode = "200", description = "The now active user")
    @ApiResponse(responseCode = "400", description = "Invalid body (password shorter than 8, unknown field)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    Mono<UserResponse> accept(@PathVariable String token, @Valid @RequestBody AcceptInvitationRequest r,
                              ServerWebExchange exchange) {
        // whoever holds the link acts as its user; the command re-checks the link under a row lock
        Actor actor = Actors.anonymous(exchange);
        return limiter.guard(Attempt.link(Route.INVITATION, actor), () -> tokens.usable(token, Purpose.INVITATION)
                .flatMap(t -> Mono.fromCallable(() -> UserCredentials.hash(r.password()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(hash -> commands.<UUID>send(new AcceptInvitationCommand(tokens.hash(token), r.name(), hash),
                                actor.as(t.userId(), null)))))
                .flatMap(userId -> ReadYourWrites.await(() -> users.byId(userId), u -> u.isActive()
                        && "accepted".equals(u.inviteStatus())))
                .map(UserResponse::of);
    }

    private Mono<io.nodeplane.query.user.UserView> user(UUID userId) {
        return ReadYourWrites.await(() -> users.byId(userId), u -> true)
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "TOKEN_NOT_FOUND", "This link is not valid")));
    }
}
