package io.nodeplane.api.search;

import io.nodeplane.api.node.EventResponse;
import io.nodeplane.api.node.NodeResponse;
import io.nodeplane.api.schedule.ScheduleResponse;
import io.nodeplane.api.task.TaskResponse;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.workspace.MemberResponse;
import io.nodeplane.api.workspace.TeamResponses.TeamResponse;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.api.workspace.WorkspacePermission;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.workspace.TeamResponses.TeamResponse;
import io.nodeplane.query.search.WorkspaceSearchService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Workspaces")
@SecurityRequirement(name = "bearer")
class SearchController {

    /** Every group the web app shows. */
    record SearchResponse(String query, List<NodeResponse> nodes, List<TaskResponse> tasks,
                          List<ScheduleResponse> scheduledTasks,
                          List<EventResponse> events, List<MemberResponse> members, List<TeamResponse> teams) {
    }

    private final WorkspaceSearchService search;
    private final WorkspaceAccess access;

    SearchController(WorkspaceSearchService search, WorkspaceAccess access) {
        this.search = search;
        this.access = access;
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/search")
    @Operation(summary = "Search the workspace", description = "Any member. Case-insensitive substring match, prefix "
            + "matches first; up to `limit` (1..50, default 10) per group; only this workspace's data.")
    Mono<SearchResponse> search(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
                                @RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
        if (q.isBlank() || q.length() > 200) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "INVALID_QUERY", "q must be 1 to 200 characters"));
        }
        return access.require(user, workspaceId, WorkspacePermission.READ)
                .then(search.search(workspaceId, q, limit))
                .map(r -> new SearchResponse(q, r.nodes().stream().map(NodeResponse::of).toList(),
                        r.tasks().stream().map(TaskResponse::of).toList(),
                        r.scheduledTasks().stream().map(ScheduleResponse::of).toList(),
                        r.events().stream().map(EventResponse::of).toList(),
                        r.members().stream().map(MemberResponse::of).toList(),
                        r.teams().stream().map(TeamResponse::of).toList()));
    }
}
