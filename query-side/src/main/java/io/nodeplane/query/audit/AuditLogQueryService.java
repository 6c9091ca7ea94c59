package io.nodeplane.query.audit;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/** Audit-log queries, newest first. */
@Service
public class AuditLogQueryService {

    private final AuditLogRepository repository;

    AuditLogQueryService(AuditLogRepository repository) {
        this.repository = repository;
    }

    /** Every entry of one workspace (its owners' and admins' view). */
    public Flux<AuditEntry> workspace(java.util.UUID workspaceId, AuditLogFilter filter) {
        return repository.find("workspace", new AuditLogFilter(filter.limit(), filter.offset(), filter.actor(),
                filter.action(), filter.targetType(), filter.from(), filter.to(), workspaceId));
    }

    /** Platform-scope entries (the platform admin's view). */
    public Flux<AuditEntry> platform(AuditLogFilter filter) {
        return repository.find("platform", new AuditLogFilter(filter.limit(), filter.offset(), filter.actor(),
                filter.action(), filter.targetType(), filter.from(), filter.to(), null));
    }
}
