package io.nodeplane.api.user;

import io.nodeplane.api.auth.OneTimeTokens;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.mail.TransactionalMail;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.user.UserRequests.CreateUserRequest;
import io.nodeplane.api.user.UserRequests.UpdateUserRequest;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.DeletedResponse;
import io.nodeplane.command.user.UserAccountCommands.DeleteUserCommand;
import io.nodeplane.command.user.UserAccountCommands.InviteUserCommand;
import io.nodeplane.command.user.UserAccountCommands.IssuedLink;
import io.nodeplane.command.user.UserAccountCommands.UpdateUserCommand;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.query.user.UserQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The platform admin's global user directory (everyone else: 403). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
class UserAdminController {

    private final UserQueryService users;
    private final Commands commands;
    private final OneTimeTokens tokens;
    private final TransactionalMail mail;

    UserAdminController(UserQueryService users, Commands commands, OneTimeTokens tokens, TransactionalMail mail) {
        this.users = users;
        this.commands = commands;
        this.tokens = tokens;
        this.mail = mail;
    }

    @GetMapping
    @Operation(summary = "List all users", description = "Platform admin only; ordered by e-mail.")
    Mono<List<UserResponse>> list(@AuthenticationPrincipal AuthenticatedUser admin) {
        return admin.requirePlatformAdmin().then(users.all().map(UserResponse::of).collectList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user", description = "Creates a pending user (isActive:false, inviteStatus:pending) "
            + "and e-mails a one-time activation link valid for 7 days. A password in the body is refused (400); "
            + "an e-mail already in use (any case) is 409.")
    Mono<UserResponse> create(@AuthenticationPrincipal AuthenticatedUser admin, @Valid @RequestBody CreateUserRequest r,
                              ServerWebExchange exchange) {
        UUID id = UUID.randomUUID();
        OneTimeTokens.Issued issued = tokens.issue();
        UserRole role = r.role() == null ? UserRole.USER : UserRequests.role(r.role());
        return admin.requirePlatformAdmin()
                .then(r.password() == null ? Mono.empty() : Mono.error(new ApiException(HttpStatus.BAD_REQUEST,
                        "PASSWORD_NOT_ALLOWED", "password must not be set: the user chooses it when accepting the invitation")))
                .then(commands.<IssuedLink>send(new InviteUserCommand(id, r.email().trim(), r.name().trim(), role,
                        issued.hash()), Actors.of(exchange, admin)))
                .doOnNext(link -> mail.sendInvitation(link.email(), link.name(), issued.token(), link.expiresAt()))
                .then(ReadYourWrites.await(() -> users.byId(id), u -> u.lastInvitedAt() != null))
                .map(UserResponse::of);
    }

    @PatchMapping("/{userId}")
    @Operation(summary = "Change a user", description = "Name, role and active state. A role change or a deactivation "
            + "ends the user's sessions. 409 for the last active platform admin, and for activating a pending invitee.")
    Mono<UserResponse> update(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID userId,
                              @Valid @RequestBody UpdateUserRequest r, ServerWebExchange exchange) {
        UserRole role = UserRequests.role(r.role());
        String name = r.name() == null ? null : r.name().trim();
        return admin.requirePlatformAdmin()
                .then(commands.send(new UpdateUserCommand(userId, name, role, r.isActive()), Actors.of(exchange, admin)))
                .then(ReadYourWrites.await(() -> users.byId(userId), u -> (name == null || name.equals(u.name()))
                        && (role == null || role.name().equalsIgnoreCase(u.role()))
                        && (r.isActive() == null || r.isActive() == u.isActive())))
                .map(UserResponse::of);
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Delete a user", description = "409 while the user has workspace memberships, team "
            + "memberships or owned schedules, and for the last active platform admin.")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID userId,
                                 ServerWebExchange exchange) {
        return admin.requirePlatformAdmin()
                .then(commands.send(new DeleteUserCommand(userId), Actors.of(exchange, admin)))
                .then(ReadYourWrites.await(() -> users.byId(userId).map(u -> false).defaultIfEmpty(true), gone -> gone))
                .thenReturn(new DeletedResponse(true, userId));
    }
}
