package io.nodeplane.projections.audit;

import static io.nodeplane.projections.support.ProjectionWrites.write;

import io.nodeplane.query.audit.AuditLogRepository;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code audit_log_view}: one row per audited event, keyed by the event's identifier so
 * that replays insert nothing twice. The event store remains the source of truth.
 */
@Component
@ProcessingGroup("audit-log")
class AuditLogProjection {

    private final AuditLogRepository auditLog;

    AuditLogProjection(AuditLogRepository auditLog) {
        this.auditLog = auditLog;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token, @Timestamp Instant at) {
        long globalIndex = token.position().orElse(-1);
        AuditEntries.of(message.getPayload(), UUID.fromString(message.getIdentifier()), globalIndex, at,
                message.getMetaData()).ifPresent(entry -> write(auditLog.insert(entry)));
    }

    @ResetHandler
    void reset() {
        write(auditLog.deleteAll());
    }
}
