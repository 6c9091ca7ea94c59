package io.nodeplane.api.audit;

import io.nodeplane.query.audit.AuditLogFilter;
import io.nodeplane.query.audit.AuditLogQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/audit-logs")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
class AuditLogController {

    private final AuditLogQueryService auditLogs;

    AuditLogController(AuditLogQueryService auditLogs) {
        this.auditLogs = auditLogs;
    }

    @GetMapping
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
