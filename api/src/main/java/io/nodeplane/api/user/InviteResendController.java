package io.nodeplane.api.user;

import io.nodeplane.api.auth.OneTimeTokens;
import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.mail.TransactionalMail;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.user.UserAccountCommands.IssuedLink;
import io.nodeplane.command.user.UserAccountCommands.ResendInvitationCommand;
import io.nodeplane.query.user.UserQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
class InviteResendController {

    private final UserQueryService users;
    private final Commands commands;
    private final OneTimeTokens tokens;
    private final TransactionalMail mail;

    InviteResendController(UserQueryService users, Commands commands, OneTimeTokens tokens, TransactionalMail mail) {
        this.users = users;
        this.commands = commands;
        this.tokens = tokens;
        this.mail = mail;
    }

    @PostMapping("/api/v1/users/{userId}/resend-invite")
    @Operation(summary = "Send a new activation link", description = "Platform admin only. For a pending invitee "
            + "(409 once accepted, 404 unknown user). Every earlier link stops working (410).")
    Mono<UserResponse> resend(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable UUID userId,
                              ServerWebExchange exchange) {
        OneTimeTokens.Issued issued = tokens.issue();
        return admin.requirePlatformAdmin()
                .then(users.byId(userId).map(u -> Optional.ofNullable(u.lastInvitedAt())).defaultIfEmpty(Optional.empty()))
                .flatMap(before -> commands.<IssuedLink>send(new ResendInvitationCommand(userId, issued.hash()),
                                Actors.of(exchange, admin))
                        // the change is stored: from here on nothing can undo it, the mail goes out in the background
                        .doOnNext(link -> mail.sendInvitation(link.email(), link.name(), issued.token(), link.expiresAt()))
                        .then(ReadYourWrites.await(() -> users.byId(userId), u -> u.lastInvitedAt() != null
                                && !before.equals(Optional.of(u.lastInvitedAt())))))
                .map(UserResponse::of);
    }
}
