package io.nodeplane.api.audit;

import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.workspace.WorkspaceAccess;
import io.nodeplane.api.workspace.WorkspacePermission;
import io.nodeplane.query.audit.AuditLogFilter;
import io.nodeplane.query.audit.AuditLogQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
class AuditLogController {

    private final AuditLogQueryService auditLogs;
    private final WorkspaceAccess access;

    AuditLogController(AuditLogQueryService auditLogs, WorkspaceAccess access) {
        this.auditLogs = auditLogs;
        this.access = access;
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/audit-logs")
    @Operation(summary = "A workspace's audit log (owner/admin)",
            description = "That workspace's entries only, newest first; same filters as the platform log.")
    Flux<AuditLogResponse> workspace(
            @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID workspaceId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return access.require(user, workspaceId, WorkspacePermission.MANAGE)
                .thenMany(auditLogs.workspace(workspaceId,
                        new AuditLogFilter(limit, offset, actor, action, targetType, from, to, null)))
                .map(AuditLogResponse::of);
    }

    @GetMapping("/api/v1/audit-logs")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Platform audit log (platform admins)",
            description = "Platform-scope entries, newest first. limit is clamped to 1..100 (default 50).")
    Flux<AuditLogResponse> list(
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @Parameter(description = "actor user id, or part of the actor's e-mail") @RequestParam(required = false) String actor,
            @Parameter(description = "part of the action, e.g. auth.login") @RequestParam(required = false) String action,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return auditLogs.platform(new AuditLogFilter(limit, offset, actor, action, targetType, from, to, null))
                .map(AuditLogResponse::of);
    }
}
