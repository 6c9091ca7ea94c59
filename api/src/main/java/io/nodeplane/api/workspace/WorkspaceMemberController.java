package io.nodeplane.api.workspace;

import static io.nodeplane.api.workspace.WorkspacePermission.MANAGE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.user.UserResponse;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.MemberRequests.AddMemberRequest;
import io.nodeplane.api.workspace.MemberRequests.UpdateMemberRequest;
import io.nodeplane.command.workspace.AddWorkspaceMemberCommand;
import io.nodeplane.command.workspace.ChangeWorkspaceMemberRoleCommand;
import io.nodeplane.command.workspace.RemoveWorkspaceMemberCommand;
import io.nodeplane.query.user.UserQueryService;
import io.nodeplane.query.workspace.WorkspaceQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Workspace members")
@SecurityRequirement(name = "bearer")
class WorkspaceMemberController {

    private final WorkspaceQueryService workspaces;
    private final UserQueryService users;
    private final WorkspaceAccess access;
    private final Commands commands;

    WorkspaceMemberController(WorkspaceQueryService workspaces, UserQueryService users, WorkspaceAccess access,
                              Commands commands) {
        this.workspaces = workspaces;
        this.users = users;
        this.access = access;
        this.commands = commands;
    }

    @GetMapping("/members")
    @Operation(summary = "Members of the workspace", description = "Any member.")
    Flux<MemberResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId) {
        return access.require(user, workspaceId, READ).thenMany(workspaces.members(workspaceId)).map(MemberResponse::of);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member (owner/admin)", description = "Only active users who accepted their "
            + "invitation (400); a user is a member once (409); archived workspace 409.")
    Mono<MemberResponse> add(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                             @Valid @RequestBody AddMemberRequest request, ServerWebExchange exchange) {
        UUID membershipId = UUID.randomUUID();
        return access.require(user, workspaceId, MANAGE)
                .then(commands.send(new AddWorkspaceMemberCommand(workspaceId, membershipId, request.userId(),
                        MemberRequests.role(request.role())), Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> workspaces.member(workspaceId, membershipId), m -> true))
                .map(MemberResponse::of);
    }

    @PatchMapping("/members/{membershipId}")
    @Operation(summary = "Change a member's role (owner/admin)", description = "The last owner cannot be demoted (409).")
    Mono<MemberResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                @PathVariable UUID membershipId, @Valid @RequestBody UpdateMemberRequest request,
                                ServerWebExchange exchange) {
        return access.require(user, workspaceId, MANAGE)
                .then(commands.send(new ChangeWorkspaceMemberRoleCommand(workspaceId, membershipId,
                        MemberRequests.role(request.role())), Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> workspaces.member(workspaceId, membershipId),
                        m -> m.role().equals(request.role())))
                .switchIfEmpty(Mono.error(() -> membershipNotFound(membershipId)))
                .map(MemberResponse::of);
    }

    @DeleteMapping("/members/{membershipId}")
    @Operation(summary = "Remove a member (owner/admin)", description = "The last owner cannot be removed (409).")
    Mono<DeletedResponse> remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                 @PathVariable UUID membershipId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MANAGE)
                .then(commands.send(new RemoveWorkspaceMemberCommand(workspaceId, membershipId), Actors.of(exchange, user)))
                .thenReturn(new DeletedResponse(true, membershipId));
    }

    @GetMapping("/assignable-users")
    @Operation(summary = "Users who can be added (owner/admin)", description = "Active, accepted users who are "
            + "not members yet.")
    Flux<UserResponse> assignable(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId) {
        return access.require(user, workspaceId, MANAGE).thenMany(users.assignableTo(workspaceId)).map(UserResponse::of);
    }

    private static ApiException membershipNotFound(UUID membershipId) {
        return new ApiException(HttpStatus.NOT_FOUND, "MEMBERSHIP_NOT_FOUND", "Membership " + membershipId + " was not found");
    }
}
