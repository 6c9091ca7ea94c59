package io.nodeplane.api.auth;

import io.nodeplane.api.auth.AccountRequests.ChangePasswordRequest;
import io.nodeplane.api.auth.AccountRequests.Done;
import io.nodeplane.api.auth.AccountRequests.ForgotPasswordRequest;
import io.nodeplane.api.auth.AccountRequests.ResetPasswordRequest;
import io.nodeplane.api.auth.AccountRequests.TokenPreview;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.limits.Attempt;
import io.nodeplane.api.limits.AttemptLimiter;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.mail.TransactionalMail;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.user.UserAccountCommands.ChangePasswordCommand;
import io.nodeplane.command.user.UserAccountCommands.IssuedLink;
import io.nodeplane.command.user.UserAccountCommands.RequestPasswordResetCommand;
import io.nodeplane.command.user.UserAccountCommands.ResetPasswordCommand;
import io.nodeplane.command.user.UserCredentials;
import io.nodeplane.command.user.UserTokens.Purpose;
import io.nodeplane.events.auth.LoginThrottledEvent.Route;
import io.nodeplane.query.user.UserQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Tag(name = "Auth")
class PasswordController {

    private static final String FORGOT_ANSWER = "If an active account exists for this address, a reset link is on its way";

    private final OneTimeTokens tokens;
    private final UserQueryService users;
    private final UserCredentials credentials;
    private final Commands commands;
    private final TransactionalMail mail;
    private final AttemptLimiter limiter;

    PasswordController(OneTimeTokens tokens, UserQueryService users, UserCredentials credentials, Commands commands,
                       TransactionalMail mail, AttemptLimiter limiter) {
        this.limiter = limiter;
        this.tokens = tokens;
        this.users = users;
        this.credentials = credentials;
        this.commands = commands;
        this.mail = mail;
    }

    @PostMapping("/api/v1/auth/password/forgot")
    @Operation(summary = "Ask for a password reset link", description = "Public. Always 200 with the same answer, "
            + "whether or not the address belongs to an account; an active account gets a link valid for 1 hour.")
    @TooManyAttemptsResponse
    Mono<Done> forgot(@Valid @RequestBody ForgotPasswordRequest r, ServerWebExchange exchange) {
        Actor actor = Actors.anonymous(exchange);
        return limiter.guard(Attempt.forgotPassword(r.email(), actor), () -> {
            OneTimeTokens.Issued issued = tokens.issue();
            return commands.<IssuedLink>send(new RequestPasswordResetCommand(r.email(), issued.hash()), actor)
                    .doOnNext(link -> mail.sendPasswordReset(link.email(), issued.token(), link.expiresAt()))
                    .then(Mono.just(new Done(true, FORGOT_ANSWER)));
        });
    }

    @GetMapping("/api/v1/auth/password/reset/{token}")
    @Operation(summary = "Preview a password reset link", description = "Public. 404 unknown link, 410 used, expired or replaced.")
    @TooManyAttemptsResponse
    Mono<TokenPreview> preview(@PathVariable String token, ServerWebExchange exchange) {
        return limiter.guard(Attempt.link(Route.PASSWORD_RESET, Actors.anonymous(exchange)), () -> tokens
                .usable(token, Purpose.PASSWORD_RESET)
                .flatMap(t -> users.byId(t.userId()).map(u -> new TokenPreview(u.email(), u.name(), t.expiresAt())))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.NOT_FOUND, "TOKEN_NOT_FOUND",
                        "This link is not valid"))));
    }

    @PostMapping("/api/v1/auth/password/reset/{token}")
    @Operation(summary = "Choose a new password with a reset link", description = "Public. The link works once; "
            + "every session of the user ends (old access tokens get 401).")
    @ApiResponse(responseCode = "404", description = "Unknown link")
    @ApiResponse(responseCode = "410", description = "The link was used, has expired or was replaced")
    @TooManyAttemptsResponse
    Mono<Done> reset(@PathVariable String token, @Valid @RequestBody ResetPasswordRequest r, ServerWebExchange exchange) {
        Actor actor = Actors.anonymous(exchange);
        return limiter.guard(Attempt.link(Route.PASSWORD_RESET, actor), () -> tokens.usable(token, Purpose.PASSWORD_RESET)
                .flatMap(t -> hash(r.password()).flatMap(hash -> commands.<UUID>send(
                        new ResetPasswordCommand(tokens.hash(token), hash), actor.as(t.userId(), null))))
                .thenReturn(new Done(true, "Password changed; sign in with the new password")));
    }

    @PostMapping("/api/v1/users/me/password")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change your password", description = "Needs the current password (400 when it is wrong). "
            + "Every session ends, this one included: sign in again with the new password.")
    Mono<Done> change(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody ChangePasswordRequest r,
                      ServerWebExchange exchange) {
        int before = user.view().sessionVersion();
        return Mono.fromCallable(() -> credentials.verify(user.id(), r.currentPassword()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ok -> ok ? hash(r.newPassword()) : Mono.error(new ApiException(HttpStatus.BAD_REQUEST,
                        "CURRENT_PASSWORD_INVALID", "The current password is not correct")))
                .flatMap(hash -> commands.send(new ChangePasswordCommand(user.id(), hash), Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> users.byId(user.id()), u -> u.sessionVersion() > before))
                .thenReturn(new Done(true, "Password changed; sign in again with the new password"));
    }

    private static Mono<String> hash(String password) {
        return Mono.fromCallable(() -> UserCredentials.hash(password)).subscribeOn(Schedulers.boundedElastic());
    }
}
