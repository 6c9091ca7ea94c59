package io.nodeplane.api.user;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.api.workspace.WorkspacePermission;
import io.nodeplane.command.user.UpdateUserPreferencesCommand;
import io.nodeplane.query.user.UserQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
class PreferencesController {

    /** {@code PATCH /users/me/preferences}; omitted fields stay as they are. */
    record UpdatePreferencesRequest(
            @Size(max = 64) @Schema(example = "Europe/Istanbul", description = "IANA zone (display only)") String timezone,
            Boolean criticalEventEmailsEnabled, Boolean enrollmentEmailsEnabled,
            @Schema(description = "a workspace you are a member of") UUID defaultWorkspaceId) {
    }

    private final UserQueryService users;
    private final WorkspaceAccess access;
    private final Commands commands;

    PreferencesController(UserQueryService users, WorkspaceAccess access, Commands commands) {
        this.users = users;
        this.access = access;
        this.commands = commands;
    }

    @PatchMapping("/preferences")
    @Operation(summary = "Change your preferences", description = "Time zone (IANA, 400 otherwise), e-mail switches "
            + "and the default workspace (404 for a workspace you cannot see).")
    Mono<UserResponse> update(@AuthenticationPrincipal AuthenticatedUser user,
                              @Valid @RequestBody UpdatePreferencesRequest r, ServerWebExchange exchange) {
        Mono<?> workspaceVisible = r.defaultWorkspaceId() == null ? Mono.just(true)
                : access.require(user, r.defaultWorkspaceId(), WorkspacePermission.READ);
        return workspaceVisible
                .then(commands.send(new UpdateUserPreferencesCommand(user.id(), r.timezone(),
                        r.criticalEventEmailsEnabled(), r.enrollmentEmailsEnabled(), r.defaultWorkspaceId()),
                        Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> users.byId(user.id()), u -> (r.timezone() == null || r.timezone().equals(u.timezone()))
                                && (r.criticalEventEmailsEnabled() == null
                                    || r.criticalEventEmailsEnabled() == u.criticalEventEmailsEnabled())
                                && (r.enrollmentEmailsEnabled() == null
                                    || r.enrollmentEmailsEnabled() == u.enrollmentEmailsEnabled())
                                && (r.defaultWorkspaceId() == null || Objects.equals(r.defaultWorkspaceId(), u.defaultWorkspaceId()))))
                .map(UserResponse::of);
    }
}
