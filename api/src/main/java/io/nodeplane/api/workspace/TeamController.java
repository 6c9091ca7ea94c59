package io.nodeplane.api.workspace;

import static io.nodeplane.api.workspace.WorkspacePermission.MUTATE;
import static io.nodeplane.api.workspace.WorkspacePermission.READ;

import io.nodeplane.api.command.Actors;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.api.workspace.TeamResponses.AddTeamMemberRequest;
import io.nodeplane.api.workspace.TeamResponses.CreateTeamRequest;
import io.nodeplane.api.workspace.TeamResponses.TeamMemberResponse;
import io.nodeplane.api.workspace.TeamResponses.TeamResponse;
import io.nodeplane.api.workspace.TeamResponses.UpdateTeamRequest;
import io.nodeplane.command.workspace.TeamCommands.AddTeamMemberCommand;
import io.nodeplane.command.workspace.TeamCommands.CreateTeamCommand;
import io.nodeplane.command.workspace.TeamCommands.DeleteTeamCommand;
import io.nodeplane.command.workspace.TeamCommands.RemoveTeamMemberCommand;
import io.nodeplane.command.workspace.TeamCommands.UpdateTeamCommand;
import io.nodeplane.query.team.TeamQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Objects;
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
@RequestMapping("/api/v1/workspaces/{workspaceId}/teams")
@Tag(name = "Teams")
@SecurityRequirement(name = "bearer")
class TeamController {

    private final TeamQueryService teams;
    private final WorkspaceAccess access;
    private final Commands commands;

    TeamController(TeamQueryService teams, WorkspaceAccess access, Commands commands) {
        this.teams = teams;
        this.access = access;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Teams of the workspace", description = "Any member.")
    Flux<TeamResponse> list(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId) {
        return access.require(user, workspaceId, READ).thenMany(teams.teams(workspaceId)).map(TeamResponse::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team (owner/admin)", description = "Names are unique per workspace, ignoring case (409).")
    Mono<TeamResponse> create(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                              @Valid @RequestBody CreateTeamRequest r, ServerWebExchange exchange) {
        UUID teamId = UUID.randomUUID();
        return access.require(user, workspaceId, MUTATE)
                .then(commands.send(new CreateTeamCommand(workspaceId, teamId, r.name(), r.description()),
                        Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> teams.team(workspaceId, teamId), t -> true))
                .map(TeamResponse::of);
    }

    @PatchMapping("/{teamId}")
    @Operation(summary = "Rename or describe a team (owner/admin)")
    Mono<TeamResponse> update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                              @PathVariable UUID teamId, @Valid @RequestBody UpdateTeamRequest r,
                              ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(commands.send(new UpdateTeamCommand(workspaceId, teamId, r.name(), r.description()),
                        Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> teams.team(workspaceId, teamId),
                        t -> (r.name() == null || r.name().trim().equals(t.name()))
                                && (r.description() == null || Objects.equals(r.description().trim(), t.description()))))
                .switchIfEmpty(Mono.error(() -> teamNotFound(teamId)))
                .map(TeamResponse::of);
    }

    @DeleteMapping("/{teamId}")
    @Operation(summary = "Delete a team and its memberships (owner/admin)")
    Mono<DeletedResponse> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                 @PathVariable UUID teamId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(commands.send(new DeleteTeamCommand(workspaceId, teamId), Actors.of(exchange, user)))
                .thenReturn(new DeletedResponse(true, teamId));
    }

    @GetMapping("/{teamId}/members")
    @Operation(summary = "Members of a team", description = "Any member of the workspace; 404 for another workspace's team.")
    Flux<TeamMemberResponse> members(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                     @PathVariable UUID teamId) {
        return access.require(user, workspaceId, READ)
                .then(teams.team(workspaceId, teamId).switchIfEmpty(Mono.error(() -> teamNotFound(teamId))))
                .thenMany(teams.members(workspaceId, teamId)).map(TeamMemberResponse::of);
    }

    @PostMapping("/{teamId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a workspace member to a team (owner/admin)",
            description = "Only members of the workspace (400); once (409).")
    Mono<TeamMemberResponse> addMember(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                       @PathVariable UUID teamId, @Valid @RequestBody AddTeamMemberRequest r,
                                       ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(commands.send(new AddTeamMemberCommand(workspaceId, teamId, r.userId()), Actors.of(exchange, user)))
                .then(ReadYourWrites.await(() -> teams.members(workspaceId, teamId)
                        .filter(m -> m.userId().equals(r.userId())).next(), m -> true))
                .map(TeamMemberResponse::of);
    }

    @DeleteMapping("/{teamId}/members/{userId}")
    @Operation(summary = "Remove a user from a team (owner/admin)")
    Mono<DeletedResponse> removeMember(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                       @PathVariable UUID teamId, @PathVariable UUID userId, ServerWebExchange exchange) {
        return access.require(user, workspaceId, MUTATE)
                .then(commands.send(new RemoveTeamMemberCommand(workspaceId, teamId, userId), Actors.of(exchange, user)))
                .thenReturn(new DeletedResponse(true, userId));
    }

    private static ApiException teamNotFound(UUID teamId) {
        return new ApiException(HttpStatus.NOT_FOUND, "TEAM_NOT_FOUND", "Team " + teamId + " was not found");
    }
}
